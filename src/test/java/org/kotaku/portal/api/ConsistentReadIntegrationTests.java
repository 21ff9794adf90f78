package org.kotaku.portal.api;

import java.util.List;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.kotaku.portal.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reads that join a shared consistent read run side by side on connections of their own,
 * yet see the data as it was when the snapshot was taken, not what commits meanwhile; the
 * exporting transaction ends with the work, whether it succeeds or fails, so no pooled
 * connection is handed on inside a transaction.
 */
@IntegrationTest
class ConsistentReadIntegrationTests {

	/**
	 * The sessions of this test, told apart from the app's own (a bulk generation holds a
	 * snapshot for seconds).
	 */
	private static final String APPLICATION_NAME = "consistent-read-test";

	@Autowired
	Environment environment;

	private ConnectionPool pool;

	private ConnectionFactory connections;

	private DatabaseClient db;

	private ReactiveTransactionManager transactions;

	@BeforeEach
	void ownConnectionsAndProbeTable() {
		// pooled, as the app's: a connection handed back inside a transaction stays open
		// and shows as idle in one
		this.pool = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories
			.get(ConnectionFactoryOptions.parse(this.environment.getRequiredProperty("spring.r2dbc.url"))
				.mutate()
				.option(ConnectionFactoryOptions.USER, this.environment.getRequiredProperty("spring.r2dbc.username"))
				.option(ConnectionFactoryOptions.PASSWORD,
						this.environment.getRequiredProperty("spring.r2dbc.password"))
				.option(PostgresqlConnectionFactoryProvider.APPLICATION_NAME, APPLICATION_NAME)
				.build()))
			.maxSize(4)
			.build());
		this.connections = this.pool;
		this.db = DatabaseClient.create(this.connections);
		this.transactions = new R2dbcTransactionManager(this.connections);
		this.db.sql("drop table if exists consistent_read_probe")
			.then()
			.then(this.db.sql("create table consistent_read_probe (n integer)").then())
			.then(this.db.sql("insert into consistent_read_probe values (1)").then())
			.block();
	}

	@AfterEach
	void closePool() {
		this.pool.dispose();
	}

	@Test
	void joinedReadsSeeTheSnapshotNotWhatCommitsMeanwhile() {
		List<Long> counts = ConsistentRead
			.shared(this.connections, this.transactions, this.db,
					(shared) -> this.db.sql("insert into consistent_read_probe values (2)")
						.then()
						.then(Flux.merge(shared.join(count()), shared.join(count()), count().flux()).collectList()))
			.block();
		// the two joined reads see the one row of the snapshot, the read outside it both
		// rows
		assertThat(counts).containsExactlyInAnyOrder(1L, 1L, 2L);
		assertThat(openTransactions()).isZero();
	}

	@Test
	void theSharedTransactionEndsWhenTheWorkFails() {
		Mono<Object> failing = ConsistentRead.shared(this.connections, this.transactions, this.db,
				(shared) -> shared.join(count().flux()).then(Mono.error(new IllegalStateException("writer failed"))));
		assertThatThrownBy(failing::block).hasMessageContaining("writer failed");
		assertThat(openTransactions()).isZero();
	}

	private Mono<Long> count() {
		return this.db.sql("select count(*) from consistent_read_probe").map((row) -> row.get(0, Long.class)).one();
	}

	private long openTransactions() {
		return this.db.sql("""
				select count(*) from pg_stat_activity
				where datname = current_database() and state like 'idle in transaction%'
				and application_name = $1""")
			.bind("$1", APPLICATION_NAME)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

}
