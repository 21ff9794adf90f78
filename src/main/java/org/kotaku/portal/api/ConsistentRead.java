package org.kotaku.portal.api;

import java.util.function.Function;
import java.util.regex.Pattern;

import io.r2dbc.postgresql.api.PostgresTransactionDefinition;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.IsolationLevel;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * A read-only, repeatable-read transaction: every query in it sees the same committed
 * data, whatever commits meanwhile. What a whole read of one data version (a snapshot,
 * the bulk files) runs in; the joined reads run without the public statement timeout
 * ({@link PublicQueryTimeout}). With public reads on a replica ({@link ReplicaReads}) it
 * runs there, on the public pool like every other public read: a hot standby exports and
 * imports snapshots too, and such a read sees what the replica had replayed when it
 * began, which only moves forward; the read model builds from it only once that reaches
 * the primary's newest version.
 */
public final class ConsistentRead {

	/**
	 * What PostgreSQL's {@code pg_export_snapshot()} returns: hexadecimal numbers joined
	 * by dashes.
	 */
	private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-Fa-f]+(-[0-9A-Fa-f]+)+");

	private ConsistentRead() {
	}

	public static TransactionalOperator operator(ReactiveTransactionManager transactions) {
		return TransactionalOperator.create(transactions, definition(TransactionDefinition.PROPAGATION_REQUIRED));
	}

	/**
	 * Runs {@code work} with a consistent read whose snapshot several transactions share:
	 * each read that {@code work} passes to {@link Shared#join} runs in a transaction of
	 * its own, on a connection of its own, so reads proceed side by side, yet all see
	 * exactly the same committed data (PostgreSQL's exported snapshots). The exporting
	 * transaction, on a connection outside any Spring transaction, stays open until
	 * {@code work} completes, as an exported snapshot lives only as long as its
	 * transaction.
	 */
	public static <T> Mono<T> shared(ConnectionFactory connections, ReactiveTransactionManager transactions,
			DatabaseClient db, Function<Shared, Mono<T>> work) {
		TransactionalOperator joined = operator(transactions);
		return Mono.usingWhen(Mono.from(connections.create()), (connection) -> Mono
			.from(connection
				.beginTransaction(PostgresTransactionDefinition.from(IsolationLevel.REPEATABLE_READ).readOnly()))
			.then(exportSnapshot(connection))
			.map((id) -> new Shared(db, joined, id))
			.flatMap(work), (connection) -> end(connection), (connection, error) -> end(connection),
				ConsistentRead::end);
	}

	private static Mono<String> exportSnapshot(Connection connection) {
		return Flux.from(connection.createStatement("select pg_export_snapshot()").execute())
			.concatMap((result) -> result.map((row, metadata) -> row.get(0, String.class)))
			.next()
			.map(ConsistentRead::checked);
	}

	/**
	 * Ends the exporting transaction (it changed nothing) and hands its connection back
	 * to the pool.
	 */
	private static Mono<Void> end(Connection connection) {
		return Mono.from(connection.rollbackTransaction()).onErrorComplete().then(Mono.from(connection.close()));
	}

	/**
	 * A snapshot exported by a consistent read, for reads on other connections to join.
	 */
	public static final class Shared {

		private final DatabaseClient db;

		private final TransactionalOperator joined;

		private final String id;

		private Shared(DatabaseClient db, TransactionalOperator joined, String id) {
			this.db = db;
			this.joined = joined;
			this.id = id;
		}

		/**
		 * {@code reads}, run in a transaction of their own on another connection that
		 * sees the shared snapshot.
		 */
		public <T> Flux<T> join(Publisher<? extends T> reads) {
			// a utility statement takes no bind parameters; the id is PostgreSQL's own,
			// checked by checked()
			return this.joined.transactional(this.db.sql("set transaction snapshot '" + this.id + "'")
				.then()
				.then(this.db.sql(PublicQueryTimeout.LIFTED).then())
				.thenMany(Flux.<T>from(reads)));
		}

	}

	private static String checked(String id) {
		if (!SNAPSHOT_ID.matcher(id).matches()) {
			throw new IllegalStateException("pg_export_snapshot() returned an unexpected id: " + id);
		}
		return id;
	}

	private static DefaultTransactionDefinition definition(int propagation) {
		DefaultTransactionDefinition definition = new DefaultTransactionDefinition(propagation);
		definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		definition.setReadOnly(true);
		return definition;
	}

}
