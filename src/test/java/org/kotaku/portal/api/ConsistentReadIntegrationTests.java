package org.kotaku.portal.api;

import java.util.List;

import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.kotaku.portal.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reads that join a shared consistent read run side by side on connections of their own, yet see the data as
 * it was when the snapshot was taken, not what commits meanwhile; the exporting transaction ends with the work,
 * whether it succeeds or fails, so no pooled connection is handed on inside a transaction.
 */
@IntegrationTest
class ConsistentReadIntegrationTests {

	@Autowired
	DatabaseClient db;

	@Autowired
	ConnectionFactory connections;

	@Autowired
	ReactiveTransactionManager transactions;

	@BeforeEach
	void probeTable() {
		this.db.sql("drop table if exists consistent_read_probe").then()
			.then(this.db.sql("create table consistent_read_probe (n integer)").then())
			.then(this.db.sql("insert into consistent_read_probe values (1)").then())
			.block();
	}

	@Test
	void joinedReadsSeeTheSnapshotNotWhatCommitsMeanwhile() {
		List<Long> counts = ConsistentRead.shared(this.connections, this.transactions, this.db, (shared) -> this.db
			.sql("insert into consistent_read_probe values (2)")
			.then()
			.then(Flux.merge(shared.join(count()), shared.join(count()), count().flux()).collectList()))
			.block();
		// the two joined reads see the one row of the snapshot, the read outside it both rows
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
				where datname = current_database() and state like 'idle in transaction%'""")
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

}
