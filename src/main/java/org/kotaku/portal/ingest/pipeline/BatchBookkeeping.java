package org.kotaku.portal.ingest.pipeline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import io.r2dbc.spi.Statement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.kotaku.portal.ingest.batch.BatchReport;

/**
 * The batch's row in {@code ingest_batch}, written inside its transaction: recorded
 * before the merge (drawing the batch id and the next data version), completed after it
 * with the counts, the timings and the commit time.
 */
public final class BatchBookkeeping {

	private static final String OPEN = """
			insert into ingest_batch (dataset, source, mode, scope, idempotency_key, checksum, synthetic,
			    received_at, rows_received, rows_inserted, rows_updated, rows_deleted, rows_unchanged, data_version,
			    body_checksum)
			values ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, 0, 0, 0, 0, nextval('data_version_seq'), $10)
			returning id, data_version""";

	/**
	 * Inserted, updated and upserted rows of the merge (unchanged = upserted - inserted -
	 * updated).
	 */
	private static final String COUNTS = """
			select count(*) filter (where is_new), count(*) filter (where not is_new),
			       (select count(*) from stage where op = 'upsert')
			from changed""";

	private static final String CLOSE = """
			update ingest_batch set rows_inserted = :inserted, rows_updated = :updated, rows_deleted = :deleted,
			    rows_unchanged = :unchanged, validate_ms = :validate_ms, merge_ms = :merge_ms,
			    committed_at = clock_timestamp()
			where id = :batch returning committed_at""";

	private BatchBookkeeping() {
	}

	/**
	 * Records the batch; {@code bodyChecksum} is the SHA-256 of the raw upload, null when
	 * not made over HTTP.
	 */
	public static Mono<OpenedBatch> open(Batch batch, String bodyChecksum) {
		return Mono.defer(() -> Flux.from(openStatement(batch, bodyChecksum).execute())
			.flatMap((result) -> result
				.map((row) -> new OpenedBatch(BatchConnection.number(row, 0), BatchConnection.number(row, 1))))
			.single());
	}

	private static Statement openStatement(Batch batch, String bodyChecksum) {
		Statement statement = batch.db()
			.statement(OPEN)
			.bind("$1", batch.spec().dataset().publicName())
			.bind("$2", batch.request().source())
			.bind("$3", mode(batch))
			.bind("$6", batch.staged().checksum())
			.bind("$7", batch.request().synthetic())
			.bind("$8", batch.request().receivedAt().atOffset(ZoneOffset.UTC))
			.bind("$9", (int) batch.staged().rows());
		bindNullable(statement, "$4", batch.scopeJson());
		bindNullable(statement, "$5", batch.request().idempotencyKey());
		bindNullable(statement, "$10", bodyChecksum);
		return statement;
	}

	/**
	 * Completes the record with the merge's counts and the timings; emits the batch's
	 * report.
	 */
	public static Mono<BatchReport> close(Batch batch, OpenedBatch opened, long deleted, StepTimings timings) {
		return batch.db()
			.query(BoundSql.constant(COUNTS),
					(row) -> new long[] { BatchConnection.number(row, 0), BatchConnection.number(row, 1),
							BatchConnection.number(row, 2) })
			.single()
			.flatMap((n) -> record(batch, opened, new Counts(n[0], n[1], deleted, n[2] - n[0] - n[1]), timings));
	}

	private static Mono<BatchReport> record(Batch batch, OpenedBatch opened, Counts counts, StepTimings timings) {
		long validateMillis = timings.validateMillis();
		long mergeMillis = timings.mergeMillis();
		BoundSql close = BoundSql.of(CLOSE,
				Map.of("inserted", counts.inserted(), "updated", counts.updated(), "deleted", counts.deleted(),
						"unchanged", counts.unchanged(), "validate_ms", validateMillis, "merge_ms", mergeMillis,
						"batch", opened.id()));
		return batch.db()
			.query(close, (row) -> row.get(0, OffsetDateTime.class).toInstant())
			.single()
			.map((committedAt) -> report(batch, opened, counts, committedAt, validateMillis, mergeMillis));
	}

	private static BatchReport report(Batch batch, OpenedBatch opened, Counts counts, Instant committedAt,
			long validateMillis, long mergeMillis) {
		return new BatchReport(opened.id(), batch.spec().dataset().publicName(), batch.request().source(), mode(batch),
				opened.version(), batch.staged().rows(), counts.inserted(), counts.updated(), counts.deleted(),
				counts.unchanged(), batch.staged().checksum(), batch.request().synthetic(),
				batch.request().receivedAt(), committedAt, validateMillis, mergeMillis);
	}

	private static String mode(Batch batch) {
		return batch.request().mode().name().toLowerCase();
	}

	private static void bindNullable(Statement statement, String name, String value) {
		if (value == null) {
			statement.bindNull(name, String.class);
		}
		else {
			statement.bind(name, value);
		}
	}

	/** What the merge did to the stored records. */
	private record Counts(long inserted, long updated, long deleted, long unchanged) {
	}

}
