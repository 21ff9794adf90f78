package org.kotaku.portal.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.Wrapped;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.api.ProblemType;
import org.kotaku.portal.api.Problems;

import org.springframework.stereotype.Service;

/**
 * Loads one batch of one dataset, all or nothing: every row is validated and staged through COPY inside one
 * transaction, references are checked against the database, then the rows are merged into the canonical table
 * (inserted, updated, deleted or left unchanged), the batch is recorded with a new data version, and a
 * {@code read_model} notification carries that version to every node once the transaction commits.
 *
 * <p>
 * Batches run on their own connection pool ({@link IngestConnections}) and are serialised by a
 * transaction-scoped advisory lock taken once the upload is staged, so data versions follow commit order, two
 * batches touching the same rows never interleave, and a slow upload delays nobody. A batch that fails or is
 * cancelled (client disconnect) is rolled back and leaves the canonical tables exactly as they were.
 */
@Service
public class IngestService {

	/** The PostgreSQL channel that carries new data versions to the read model of every node. */
	public static final String CHANNEL = "read_model";

	/**
	 * How many data versions the read model's change log keeps (migration V56): a node whose snapshot is older
	 * rebuilds it whole instead of re-reading the villages that changed.
	 */
	static final int CHANGE_LOG_VERSIONS = 1000;

	private static final long INGEST_LOCK = 0x4B4F54414B55L; // "KOTAKU"

	private static final int ROWS_PER_COPY_CHUNK = 2_000;

	/** SQLSTATE of a lock wait past lock_timeout. */
	private static final String LOCK_NOT_AVAILABLE = "55P03";

	private static final int BUSY_RETRY_AFTER_SECONDS = 30;

	/** Batches of this many rows or more analyze their table before the statements that follow the merge. */
	static final long ANALYZE_FROM_ROWS = 100_000;

	private static final Log log = LogFactory.getLog(IngestService.class);

	private final IngestConnections connections;

	private final Duration lockWait;

	private final Mono<SlumScoring> scoring;

	public IngestService(IngestConnections connections, IngestDatabaseProperties properties,
			SlumScoringRepository scoringRepository) {
		this.connections = connections;
		this.lockWait = properties.lockWait();
		// cached once loaded; a failed load (database down) is retried on the next batch
		this.scoring = scoringRepository.load().cache((v) -> Duration.ofDays(3650), (e) -> Duration.ZERO, () -> Duration.ZERO);
	}

	/** The spec of a batch's dataset; assessments need the scoring rules from the database. */
	public Mono<DatasetSpec> spec(IngestRequest request) {
		return switch (request.dataset()) {
			case REGIONS -> Mono.just(new RegionRows(request.repairGeometries()));
			case SLUM_AREAS -> Mono.just(new SlumAreaRows(request.repairGeometries()));
			case ASSESSMENTS -> this.scoring.map(AssessmentRows::new);
			case ACCESS_INDICATORS -> Mono.just(new AccessIndicatorRows());
			case ALLOCATIONS -> Mono.just(new AllocationRows());
			case ACTIVITIES -> Mono.just(new ActivityRows());
		};
	}

	/**
	 * Validates and commits one batch. Emits the batch record, or fails with
	 * {@link IngestValidationException} (nothing written) or {@link IngestConflictException}.
	 */
	public Mono<BatchReport> ingest(IngestRequest request, Flux<Map<String, Object>> rows) {
		return ingest(request, rows, () -> null);
	}

	/**
	 * Like {@link #ingest(IngestRequest, Flux)}, and records the SHA-256 of the raw upload (known once the
	 * rows have been read) with the batch, so that a retry under the same idempotency key can be recognised.
	 */
	public Mono<BatchReport> ingest(IngestRequest request, Flux<Map<String, Object>> rows,
			Supplier<String> bodyChecksum) {
		return spec(request).flatMap((spec) -> Mono.usingWhen(this.connections.create(),
				(connection) -> new Batch(connection, spec, request, bodyChecksum, this.lockWait).run(rows),
				IngestService::close,
				(connection, error) -> rollbackAndClose(connection), IngestService::rollbackAndClose));
	}

	private static boolean lockNotAvailable(Throwable ex) {
		return ex instanceof R2dbcException database && LOCK_NOT_AVAILABLE.equals(database.getSqlState());
	}

	private static PortalException busy(Duration lockWait) {
		return new PortalException(ProblemType.SERVICE_UNAVAILABLE, "Another batch has been merging for more than "
				+ lockWait.toSeconds() + " s; nothing of this upload was written. Send it again shortly.",
				Map.of(Problems.RETRY_AFTER, BUSY_RETRY_AFTER_SECONDS), null);
	}

	private static Mono<Void> close(Connection connection) {
		return Mono.from(connection.close());
	}

	private static Mono<Void> rollbackAndClose(Connection connection) {
		return Mono.from(connection.rollbackTransaction())
			.onErrorResume((ex) -> Mono.empty())
			.then(Mono.from(connection.close()));
	}

	/** One batch on one connection. */
	private static final class Batch {

		private final Connection connection;

		private final DatasetSpec spec;

		private final MergeSql sql;

		private final IngestRequest request;

		private final StagedRows staged;

		private final Supplier<String> bodyChecksum;

		private final long started = System.nanoTime();

		private long validateNanos;

		/** Milliseconds per step of the batch, for the log line of a committed batch. */
		private final Map<String, Long> stepMillis = new java.util.LinkedHashMap<>();

		private final Duration lockWait;

		Batch(Connection connection, DatasetSpec spec, IngestRequest request, Supplier<String> bodyChecksum,
				Duration lockWait) {
			this.connection = connection;
			this.lockWait = lockWait;
			this.bodyChecksum = bodyChecksum;
			this.spec = spec;
			this.sql = new MergeSql(spec);
			this.request = request;
			this.staged = new StagedRows(spec);
		}

		Mono<BatchReport> run(Flux<Map<String, Object>> rows) {
			// read, validate and stage the whole upload first: a slow client then holds only its own connection of
			// the ingestion pool, never the lock that other batches wait for
			return Mono.from(this.connection.beginTransaction())
				.then(execute(this.spec.stageDdl()))
				.then(timed("upload", copy(rows)))
				.then(timed("lock", Mono.defer(this::lock)))
				.then(timed("checks", Mono.defer(this::checkStaged)))
				.then(Mono.defer(this::merge))
				.onErrorMap(R2dbcDataIntegrityViolationException.class, IngestConflictException::from);
		}

		private Mono<Long> copy(Flux<Map<String, Object>> rows) {
			// the driver reports a failing upload as a failed COPY: keep the upload's own error (malformed, too large)
			AtomicReference<Throwable> uploadError = new AtomicReference<>();
			// validation is CPU work: keep it off the event loops that serve requests
			Flux<ByteBuf> chunks = rows.doOnError(uploadError::set)
				.buffer(ROWS_PER_COPY_CHUNK)
				.publishOn(Schedulers.parallel(), 2)
				.map(this::stageChunk)
				.filter(ByteBuf::isReadable);
			// one COPY data message per chunk: copyIn(sql, publisher) would gather the whole upload into a single
			// message in (direct) memory before sending anything
			return pg(this.connection).copyIn(this.sql.copy())
				.fromMany(chunks.map(Mono::just))
				.build()
				.doOnSuccess((n) -> this.validateNanos = System.nanoTime() - this.started)
				.onErrorMap((ex) -> uploadError.get() != null, (ex) -> uploadError.get());
		}

		/**
		 * Waits for the batch in front to merge, at most {@code lockWait} (then 503 with Retry-After); the bounded
		 * wait applies to the lock alone, the merge after it waits as long as it must.
		 */
		private Mono<Void> lock() {
			return setLockTimeout(this.lockWait.toMillis() + "ms")
				.then(execute("select pg_advisory_xact_lock(" + INGEST_LOCK + ")"))
				.onErrorMap(IngestService::lockNotAvailable, (ex) -> busy(this.lockWait))
				.then(setLockTimeout("0"))
				.then();
		}

		private Mono<Long> setLockTimeout(String value) {
			return Flux.from(this.connection.createStatement("select set_config('lock_timeout', $1, true)")
				.bind("$1", value)
				.execute()).flatMap((result) -> result.map((row) -> 1L)).reduce(0L, Long::sum);
		}

		private ByteBuf stageChunk(List<Map<String, Object>> rows) {
			return Unpooled.wrappedBuffer(this.staged.stage(rows));
		}

		/** Row problems found while streaming, then those that need the database. */
		private Mono<Void> checkStaged() {
			if (this.staged.rows() == 0 && this.request.mode() == IngestRequest.Mode.UPSERT) {
				return Mono.error(new IngestValidationException(this.spec.dataset(),
						List.of(new RowError(0, "body", null, "the upload has no rows")), 1, 0));
			}
			if (this.staged.hasErrors()) {
				return Mono.error(this.staged.failure());
			}
			List<String> checks = new ArrayList<>();
			checks.add(this.sql.duplicates());
			checks.addAll(this.spec.databaseChecks());
			if (this.request.mode() == IngestRequest.Mode.REPLACE) {
				checks.add(this.sql.outsideScope(byRegion(), byYear()));
			}
			return Flux.fromIterable(checks)
				.concatMap(this::collectProblems)
				.then(Mono.defer(() -> this.staged.hasErrors() ? Mono.error(this.staged.failure()) : Mono.empty()));
		}

		private Mono<Void> collectProblems(String check) {
			String limited = "select * from (" + check + ") q order by 1 limit " + StagedRows.MAX_REPORTED_ERRORS;
			return query(limited, scoped(), (row) -> new RowError(number(row, 0), row.get(1, String.class),
					row.get(2, String.class), row.get(3, String.class)))
				.collectList()
				.flatMap(this::countProblems);
		}

		private Mono<Void> countProblems(List<RowError> first) {
			if (first.isEmpty()) {
				return Mono.empty();
			}
			this.staged.addErrors(first, first.size());
			return Mono.empty();
		}

		private Mono<BatchReport> merge() {
			long mergeStart = System.nanoTime();
			AtomicLong deleted = new AtomicLong();
			return openBatch().flatMap((ids) -> {
				long batch = ids[0];
				long version = ids[1];
				return execute("select kotaku_begin_changes(" + version + ", " + CHANGE_LOG_VERSIONS + ")")
					.then(timed("before", Flux.fromIterable(this.spec.beforeUpsert())
					.concatMap((s) -> execute(MergeSql.bindBatch(s, batch, version)))
					.then())
					.then(timed("classify", execute(this.sql.classify())))
					.then(timed("insert", execute(MergeSql.bindBatch(this.sql.insertNew(), batch, version))))
					.then(timed("update", execute(MergeSql.bindBatch(this.sql.updateChanged(), batch, version))))
					.then(timed("after", Flux.fromIterable(this.spec.afterUpsert()).concatMap(this::execute).then()))
					.then(timed("analyze", analyzeAfterLargeBatch()))
					.then(timed("delete", deleteStaged(batch, version)
						.doOnNext(deleted::addAndGet)
						.then(replaceScope(batch, version).doOnNext(deleted::addAndGet))
						.then(Mono.defer(() -> guardDeletes(deleted.get(), version)))))
					.then(timed("afterMerge", Flux.fromIterable(this.spec.afterMerge()).concatMap(this::afterMerge).then()))
					.then(closeBatch(batch, version, deleted, mergeStart)));
			});
		}

		/**
		 * Deletes the records the batch lists for deletion; nothing to run when it lists none. (Run anyway, the
		 * statement is only as fast as its plan: right after the target table was emptied, its statistics can say
		 * it is empty, and a first load of a million activities then waited minutes for a nested loop that
		 * rescanned the whole stage for every stored row.)
		 */
		private Mono<Long> deleteStaged(long batch, long version) {
			if (this.staged.deletes() == 0) {
				return Mono.just(0L);
			}
			return execute(MergeSql.bindBatch(this.sql.deletes(), batch, version));
		}

		/**
		 * Refreshes the planner's statistics of the target table inside the batch's transaction (ANALYZE counts the
		 * transaction's own rows) after a batch of {@value #ANALYZE_FROM_ROWS} rows or more: the statements after
		 * the merge otherwise plan with the table's size before it, e.g. empty after a reset, and a first load of a
		 * million activities spent 100 s recomputing the per-village rollups with a plan made for an empty table.
		 */
		private Mono<Void> analyzeAfterLargeBatch() {
			if (this.staged.rows() < ANALYZE_FROM_ROWS) {
				return Mono.empty();
			}
			return execute("analyze " + this.spec.table()).then();
		}

		/** Refuses the batch when a record it deleted is still referred to (see {@link DatasetSpec#deleteGuards()}). */
		private Mono<Void> guardDeletes(long deleted, long version) {
			if (deleted == 0) {
				return Mono.empty();
			}
			return Flux.fromIterable(this.spec.deleteGuards())
				.concatMap((guard) -> query(MergeSql.bindBatch(guard, 0, version), false, (row) -> row.get(0, String.class)))
				.collectList()
				.flatMap((refs) -> refs.isEmpty() ? Mono.empty()
						: Mono.error(new IngestConflictException(
								"the batch conflicts with stored records: " + String.join("; ", refs), null)));
		}

		/** Records the batch and draws its data version: {batch id, data version}. */
		private Mono<long[]> openBatch() {
			String insert = """
					insert into ingest_batch (dataset, source, mode, scope, idempotency_key, checksum, synthetic,
					    received_at, rows_received, rows_inserted, rows_updated, rows_deleted, rows_unchanged, data_version,
					    body_checksum)
					values ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, 0, 0, 0, 0, nextval('data_version_seq'), $10)
					returning id, data_version""";
			Statement statement = this.connection.createStatement(insert)
				.bind("$1", this.spec.dataset().publicName())
				.bind("$2", this.request.source())
				.bind("$3", this.request.mode().name().toLowerCase())
				.bind("$6", this.staged.checksum())
				.bind("$7", this.request.synthetic())
				.bind("$8", this.request.receivedAt().atOffset(java.time.ZoneOffset.UTC))
				.bind("$9", (int) this.staged.rows());
			bindNullable(statement, "$4", scopeJson(), String.class);
			bindNullable(statement, "$5", this.request.idempotencyKey(), String.class);
			bindNullable(statement, "$10", this.bodyChecksum.get(), String.class);
			return Flux.from(statement.execute())
				.flatMap((result) -> result.map((row) -> new long[] { number(row, 0), number(row, 1) }))
				.single();
		}

		private Mono<Long> replaceScope(long batch, long version) {
			if (this.request.mode() != IngestRequest.Mode.REPLACE) {
				return Mono.just(0L);
			}
			String statement = MergeSql.bindBatch(this.sql.replaceScope(byRegion(), byYear()), batch, version);
			return Flux.from(bindScope(this.connection.createStatement(statement)).execute())
				.flatMap(Result::getRowsUpdated)
				.reduce(0L, Long::sum);
		}

		/** Runs one end-of-merge statement, with the replace scope's region bound when it asks for it. */
		private Mono<Long> afterMerge(String statement) {
			String sql = this.sql.afterMerge(statement, scoped(), byRegion());
			Statement prepared = this.connection.createStatement(sql);
			if (sql.contains("$1")) {
				prepared.bind("$1", this.request.scope().region());
			}
			return Flux.from(prepared.execute()).flatMap(Result::getRowsUpdated).reduce(0L, Long::sum);
		}

		private Mono<BatchReport> closeBatch(long batch, long version, AtomicLong deleted, long mergeStart) {
			String counts = """
					select count(*) filter (where is_new), count(*) filter (where not is_new),
					       (select count(*) from stage where op = 'upsert')
					from changed""";
			return query(counts, false, (row) -> new long[] { number(row, 0), number(row, 1), number(row, 2) }).single()
				.flatMap((n) -> recordCounts(batch, version, n[0], n[1], deleted.get(), n[2] - n[0] - n[1], mergeStart));
		}

		private Mono<BatchReport> recordCounts(long batch, long version, long inserted, long updated, long deleted,
				long unchanged, long mergeStart) {
			long validateMillis = Duration.ofNanos(this.validateNanos).toMillis();
			long mergeMillis = Duration.ofNanos(System.nanoTime() - mergeStart).toMillis();
			String update = """
					update ingest_batch set rows_inserted = %d, rows_updated = %d, rows_deleted = %d, rows_unchanged = %d,
					    validate_ms = %d, merge_ms = %d, committed_at = clock_timestamp()
					where id = %d returning committed_at"""
				.formatted(inserted, updated, deleted, unchanged, validateMillis, mergeMillis, batch);
			return query(update, false, (row) -> row.get(0, java.time.OffsetDateTime.class).toInstant()).single()
				.flatMap((committedAt) -> execute("select pg_notify('" + CHANNEL + "', '" + version + "')")
					.then(Mono.from(this.connection.commitTransaction()))
					.then(Mono.fromSupplier(() -> report(batch, version, new long[] { inserted, updated, deleted, unchanged },
							committedAt, validateMillis, mergeMillis))));
		}

		private BatchReport report(long batch, long version, long[] counts, Instant committedAt, long validateMillis,
				long mergeMillis) {
			BatchReport report = new BatchReport(batch, this.spec.dataset().publicName(), this.request.source(),
					this.request.mode().name().toLowerCase(), version, this.staged.rows(), counts[0], counts[1], counts[2],
					counts[3], this.staged.checksum(), this.request.synthetic(), this.request.receivedAt(), committedAt,
					validateMillis, mergeMillis);
			log.info("committed " + report + " in steps (ms) " + this.stepMillis);
			return report;
		}

		private boolean byRegion() {
			return this.request.scope() != null && this.request.scope().region() != null
					&& this.spec.scopeColumns().regionColumn() != null;
		}

		private boolean byYear() {
			return this.request.scope() != null && this.request.scope().year() != null
					&& this.spec.scopeColumns().yearColumn() != null;
		}

		private boolean scoped() {
			return this.request.mode() == IngestRequest.Mode.REPLACE;
		}

		private String scopeJson() {
			IngestRequest.Scope scope = this.request.scope();
			return scope == null ? null : Json.write(new java.util.TreeMap<>(java.util.Map.of("region",
					String.valueOf(scope.region()), "year", String.valueOf(scope.year()))));
		}

		private Statement bindScope(Statement statement) {
			int index = 1;
			if (byRegion()) {
				statement.bind("$" + index++, this.request.scope().region());
			}
			if (byYear()) {
				statement.bind("$" + index, this.request.scope().year().shortValue());
			}
			return statement;
		}

		/** Times {@code step} from subscription to completion, into {@link #stepMillis}. */
		private <T> Mono<T> timed(String step, Mono<T> work) {
			return Mono.defer(() -> {
				long start = System.nanoTime();
				return work.doOnSuccess((result) -> this.stepMillis.put(step,
						Duration.ofNanos(System.nanoTime() - start).toMillis()));
			});
		}

		private Mono<Long> execute(String statement) {
			return Flux.from(this.connection.createStatement(statement).execute())
				.flatMap(Result::getRowsUpdated)
				.reduce(0L, Long::sum);
		}

		private <T> Flux<T> query(String statement, boolean scoped,
				java.util.function.Function<Readable, T> mapper) {
			Statement prepared = this.connection.createStatement(statement);
			if (scoped && statement.contains("$1")) {
				bindScope(prepared);
			}
			return Flux.from(prepared.execute()).flatMap((result) -> result.map(mapper));
		}

		private static long number(Readable row, int index) {
			return ((Number) row.get(index)).longValue();
		}

		private static void bindNullable(Statement statement, String name, Object value, Class<?> type) {
			if (value == null) {
				statement.bindNull(name, type);
			}
			else {
				statement.bind(name, value);
			}
		}

		private static PostgresqlConnection pg(Connection connection) {
			Connection current = connection;
			while (!(current instanceof PostgresqlConnection) && current instanceof Wrapped<?> wrapped) {
				current = (Connection) wrapped.unwrap();
			}
			return (PostgresqlConnection) current;
		}

	}

}
