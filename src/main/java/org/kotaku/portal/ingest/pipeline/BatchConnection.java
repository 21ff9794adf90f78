package org.kotaku.portal.ingest.pipeline;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.Wrapped;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.api.ProblemType;
import org.kotaku.portal.api.Problems;

/**
 * The one connection of a batch and its transaction: taken from ingestion's pool for the
 * batch, rolled back and closed whatever ends it (an error, a client that disconnects)
 * unless it committed; the advisory lock that serialises the merges; the notification a
 * commit delivers; and the statements of the steps, with their values bound. Every step
 * is cold: nothing runs until it is subscribed to, one statement after the other.
 *
 * <p>
 * No batch waits for a lock without bound, nor keeps working on the server once nobody
 * waits for it: every lock wait of the transaction, the merge lock's and any row or table
 * lock after it, is bounded by the lock wait (then 503 with Retry-After), and a batch
 * that is cancelled (its client gone, its caller's time up) first cancels the statement
 * the server is running, so that its transaction ends and its locks go with it. Should
 * the portal lose a batch's session anyway, the server ends it after the lock wait idle
 * in its transaction.
 */
public final class BatchConnection {

	private static final Log log = LogFactory.getLog(BatchConnection.class);

	private static final long INGEST_LOCK = 0x4B4F54414B55L; // "KOTAKU"

	/** SQLSTATE of a lock wait past lock_timeout. */
	private static final String LOCK_NOT_AVAILABLE = "55P03";

	private static final int BUSY_RETRY_AFTER_SECONDS = 30;

	/** The longest the cancellation of a batch waits for each step of its ending. */
	private static final Duration ENDING_WAIT = Duration.ofSeconds(10);

	private final Connection connection;

	private BatchConnection(Connection connection) {
		this.connection = connection;
	}

	/**
	 * Runs {@code work} on a connection of {@code connections}; rolls back and closes it
	 * unless committed.
	 */
	public static <T> Mono<T> using(Publisher<? extends Connection> connections,
			Function<BatchConnection, Mono<T>> work) {
		return Mono.usingWhen(connections, (connection) -> work.apply(new BatchConnection(connection)),
				BatchConnection::close, (connection, error) -> rollbackAndClose(connection),
				BatchConnection::cancelRollbackAndClose);
	}

	public Mono<Void> begin() {
		return Mono.defer(() -> Mono.from(this.connection.beginTransaction()));
	}

	/**
	 * Waits for the batch in front to merge, at most {@code lockWait} (then 503 with
	 * Retry-After). The same bound stays on every lock the rest of the transaction waits
	 * for ({@link #boundedLockWaits}): all writers of the canonical tables merge under
	 * this lock, so a longer wait means a session outside the portal holds what the merge
	 * needs.
	 */
	public Mono<Void> lock(Duration lockWait) {
		return setLocal("lock_timeout", lockWait)
			.then(execute(BoundSql.of("select pg_advisory_xact_lock(:lock)", Map.of("lock", INGEST_LOCK))))
			.onErrorMap(BatchConnection::lockNotAvailable, (ex) -> busy(lockWait))
			.then(setLocal("idle_in_transaction_session_timeout", lockWait))
			.then();
	}

	/**
	 * {@code steps} with a lock wait past {@code lockWait} (after the merge lock)
	 * answered as 503 with Retry-After, the batch rolled back.
	 */
	public static <T> Mono<T> boundedLockWaits(Mono<T> steps, Duration lockWait) {
		return steps.onErrorMap(BatchConnection::lockNotAvailable, (ex) -> blocked(lockWait, ex));
	}

	/**
	 * Queues {@code payload} on {@code channel}: PostgreSQL delivers it to every listener
	 * once the batch commits.
	 */
	public Mono<Void> notifyOnCommit(String channel, String payload) {
		return execute(
				BoundSql.of("select pg_notify(:channel, :payload)", Map.of("channel", channel, "payload", payload)))
			.then();
	}

	public Mono<Void> commit() {
		return Mono.defer(() -> Mono.from(this.connection.commitTransaction()));
	}

	/**
	 * Sets {@code setting} (a time) for the rest of the transaction. Once the merge lock
	 * is held, the portal sends the batch's statements one after the other and never
	 * waits for its client, so a session idle in its transaction that long is one the
	 * portal lost: the server then ends it, and its locks with it.
	 */
	private Mono<Long> setLocal(String setting, Duration value) {
		return query(BoundSql.of("select set_config(:setting, :value, true)",
				Map.of("setting", setting, "value", value.toMillis() + "ms")), (row) -> 1L)
			.reduce(0L, Long::sum);
	}

	/** Runs one statement; emits the rows it changed (or returned). */
	Mono<Long> execute(BoundSql statement) {
		return Flux.defer(() -> statement.prepare(this.connection).execute())
			.flatMap(Result::getRowsUpdated)
			.reduce(0L, Long::sum);
	}

	Mono<Long> execute(String constant) {
		return execute(BoundSql.constant(constant));
	}

	<T> Flux<T> query(BoundSql statement, Function<Readable, T> mapper) {
		return Flux.defer(() -> statement.prepare(this.connection).execute()).flatMap((result) -> result.map(mapper));
	}

	/** A statement to bind by hand (values that may be null). */
	Statement statement(String sql) {
		return this.connection.createStatement(sql);
	}

	/** The driver's own connection, for COPY. */
	PostgresqlConnection postgresql() {
		Connection current = this.connection;
		while (!(current instanceof PostgresqlConnection) && current instanceof Wrapped<?> wrapped) {
			current = (Connection) wrapped.unwrap();
		}
		return (PostgresqlConnection) current;
	}

	static long number(Readable row, int index) {
		return ((Number) row.get(index)).longValue();
	}

	private static boolean lockNotAvailable(Throwable ex) {
		return ex instanceof R2dbcException database && LOCK_NOT_AVAILABLE.equals(database.getSqlState());
	}

	private static PortalException busy(Duration lockWait) {
		return new PortalException(ProblemType.SERVICE_UNAVAILABLE,
				"Another batch has been merging for more than " + lockWait.toSeconds()
						+ " s; nothing of this upload was written. Send it again shortly.",
				Map.of(Problems.RETRY_AFTER, BUSY_RETRY_AFTER_SECONDS), null);
	}

	private static PortalException blocked(Duration lockWait, Throwable cause) {
		log.warn("a batch waited more than " + lockWait.toSeconds() + " s for a lock after the merge lock: "
				+ cause.getMessage());
		return new PortalException(ProblemType.SERVICE_UNAVAILABLE,
				"The merge waited more than " + lockWait.toSeconds()
						+ " s for rows another database session holds; nothing of this upload was written. "
						+ "Send it again shortly.",
				Map.of(Problems.RETRY_AFTER, BUSY_RETRY_AFTER_SECONDS), null);
	}

	private static Mono<Void> close(Connection connection) {
		return Mono.from(connection.close());
	}

	private static Mono<Void> rollbackAndClose(Connection connection) {
		return Mono.from(connection.rollbackTransaction())
			.timeout(ENDING_WAIT)
			.onErrorResume((ex) -> Mono.empty())
			.then(Mono.from(connection.close()).timeout(ENDING_WAIT))
			.onErrorResume((ex) -> {
				log.warn("a batch's connection did not close within " + ENDING_WAIT.toSeconds() + " s: " + ex);
				return Mono.empty();
			});
	}

	/**
	 * A cancelled batch: the statement in flight is cancelled on the server first (the
	 * driver would otherwise queue the rollback behind it, and a statement waiting for a
	 * lock keeps the merge lock for every batch after it), then rolled back and closed.
	 */
	private static Mono<Void> cancelRollbackAndClose(Connection connection) {
		return new BatchConnection(connection).postgresql()
			.cancelRequest()
			.timeout(ENDING_WAIT)
			.onErrorResume((ex) -> Mono.empty())
			.then(rollbackAndClose(connection));
	}

}
