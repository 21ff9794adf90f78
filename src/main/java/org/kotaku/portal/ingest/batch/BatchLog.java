package org.kotaku.portal.ingest.batch;

import java.time.OffsetDateTime;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.kotaku.portal.api.PrimaryDatabase;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Reads committed batches back from {@code ingest_batch}: by id and by idempotency key on
 * the primary (ingestion must see a batch the moment it committed: a retry with the same
 * key must never commit twice), newest first on the public pool (the change feed names
 * the batches whose records the same pool reads, on a replica too).
 */
@Repository
public class BatchLog {

	private static final String COLUMNS = """
			select id, dataset, source, mode, data_version, rows_received, rows_inserted, rows_updated, rows_deleted,
			       rows_unchanged, checksum, synthetic, received_at, committed_at, coalesce(validate_ms, 0) validate_ms,
			       coalesce(merge_ms, 0) merge_ms, body_checksum
			from ingest_batch""";

	private final DatabaseClient primary;

	private final DatabaseClient db;

	public BatchLog(PrimaryDatabase primary, DatabaseClient db) {
		this.primary = primary.db();
		this.db = db;
	}

	/**
	 * Whether no batch was ever committed (on the primary): a database that the demo may
	 * fill.
	 */
	public Mono<Boolean> none() {
		return this.primary.sql("select not exists (select 1 from ingest_batch)")
			.map((row) -> row.get(0, Boolean.class))
			.one();
	}

	/** One batch by id; empty when there is none. */
	public Mono<StoredBatch> find(long id) {
		return this.primary.sql(COLUMNS + " where id = :id").bind("id", id).map(BatchLog::stored).one();
	}

	/**
	 * The batch a source committed under an idempotency key; empty when the key is new.
	 */
	public Mono<StoredBatch> findByIdempotencyKey(String source, String key) {
		return this.primary.sql(COLUMNS + " where source = :source and idempotency_key = :key")
			.bind("source", source)
			.bind("key", key)
			.map(BatchLog::stored)
			.one();
	}

	/**
	 * Up to {@code limit} batches with a data version below {@code beforeVersion}, newest
	 * first.
	 */
	public Flux<BatchReport> newest(long beforeVersion, int limit) {
		return this.db.sql(COLUMNS + " where data_version < :before order by data_version desc limit :limit")
			.bind("before", beforeVersion)
			.bind("limit", limit)
			.map((row) -> stored(row).report())
			.all();
	}

	private static StoredBatch stored(Readable row) {
		BatchReport report = new BatchReport(row.get("id", Long.class), row.get("dataset", String.class),
				row.get("source", String.class), row.get("mode", String.class), row.get("data_version", Long.class),
				number(row, "rows_received"), number(row, "rows_inserted"), number(row, "rows_updated"),
				number(row, "rows_deleted"), number(row, "rows_unchanged"), row.get("checksum", String.class),
				Boolean.TRUE.equals(row.get("synthetic", Boolean.class)),
				row.get("received_at", OffsetDateTime.class).toInstant(),
				row.get("committed_at", OffsetDateTime.class).toInstant(), number(row, "validate_ms"),
				number(row, "merge_ms"));
		return new StoredBatch(report, row.get("body_checksum", String.class));
	}

	private static long number(Readable row, String column) {
		return ((Number) row.get(column)).longValue();
	}

	/**
	 * A committed batch and the SHA-256 of the raw upload it came from (null for uploads
	 * not made over HTTP).
	 */
	public record StoredBatch(BatchReport report, String bodyChecksum) {
	}

}
