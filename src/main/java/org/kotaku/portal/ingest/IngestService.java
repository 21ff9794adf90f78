package org.kotaku.portal.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.kotaku.portal.dataversion.DataVersionChannel;
import org.kotaku.portal.ingest.batch.BatchReport;
import org.kotaku.portal.ingest.batch.IngestRequest;
import org.kotaku.portal.ingest.dataset.DatasetSpec;
import org.kotaku.portal.ingest.dataset.DatasetSpecs;
import org.kotaku.portal.ingest.pipeline.Batch;
import org.kotaku.portal.ingest.pipeline.BatchBookkeeping;
import org.kotaku.portal.ingest.pipeline.BatchConnection;
import org.kotaku.portal.ingest.pipeline.IngestConflictException;
import org.kotaku.portal.ingest.pipeline.IngestValidationException;
import org.kotaku.portal.ingest.pipeline.MergeSteps;
import org.kotaku.portal.ingest.pipeline.OpenedBatch;
import org.kotaku.portal.ingest.pipeline.Stage;
import org.kotaku.portal.ingest.pipeline.StagedChecks;
import org.kotaku.portal.ingest.pipeline.StepTimings;
import org.kotaku.portal.ingest.pipeline.TableRebuild;
import org.springframework.stereotype.Service;

/**
 * Loads one batch of one dataset, all or nothing: every row is validated and staged
 * through COPY inside one transaction, references are checked against the database, then
 * the rows are merged into the canonical table (inserted, updated, deleted or left
 * unchanged), the batch is recorded with a new data version, and a notification on
 * {@link DataVersionChannel} carries that version to every node once the transaction
 * commits.
 *
 * <p>
 * Batches run on their own connection pool ({@link IngestConnections}) and are serialised
 * by a transaction-scoped advisory lock taken once the upload is staged, so data versions
 * follow commit order, two batches touching the same rows never interleave, and a slow
 * upload delays nobody. A batch that fails or is cancelled (client disconnect) is rolled
 * back and leaves the canonical tables exactly as they were. This class only puts the
 * steps of {@code ingest.pipeline} in order.
 */
@Service
public class IngestService {

	private static final Log log = LogFactory.getLog(IngestService.class);

	private final IngestConnections connections;

	private final DatasetSpecs specs;

	private final Duration lockWait;

	private final long rebuildFromRows;

	public IngestService(IngestConnections connections, IngestDatabaseProperties properties, DatasetSpecs specs) {
		this.connections = connections;
		this.specs = specs;
		this.lockWait = properties.lockWait();
		this.rebuildFromRows = properties.rebuildFromRows();
	}

	/**
	 * The spec of a batch's dataset; assessments need the scoring rules from the
	 * database.
	 */
	public Mono<DatasetSpec> spec(IngestRequest request) {
		return this.specs.spec(request.dataset(), request.repairGeometries());
	}

	/**
	 * Validates and commits one batch. Emits the batch record, or fails with
	 * {@link IngestValidationException} (nothing written) or
	 * {@link IngestConflictException}.
	 */
	public Mono<BatchReport> ingest(IngestRequest request, Flux<Map<String, Object>> rows) {
		return ingest(request, rows, () -> null);
	}

	/**
	 * Like {@link #ingest(IngestRequest, Flux)}, and records the SHA-256 of the raw
	 * upload (known once the rows have been read) with the batch, so that a retry under
	 * the same idempotency key can be recognised.
	 */
	public Mono<BatchReport> ingest(IngestRequest request, Flux<Map<String, Object>> rows,
			Supplier<String> bodyChecksum) {
		return spec(request).flatMap((spec) -> BatchConnection.using(this.connections.create(),
				(db) -> run(db, new Batch(db, spec, request), rows, bodyChecksum)));
	}

	/**
	 * Reads, validates and stages the whole upload first: a slow client then holds only
	 * its own connection of the ingestion pool, never the lock that other batches wait
	 * for. Then the lock, the checks and the merge.
	 */
	private Mono<BatchReport> run(BatchConnection db, Batch batch, Flux<Map<String, Object>> rows,
			Supplier<String> bodyChecksum) {
		StepTimings timings = new StepTimings();
		Mono<BatchReport> underLock = timings.time("checks", StagedChecks.check(batch))
			.then(Mono.defer(() -> record(batch, bodyChecksum.get(), timings)))
			.flatMap((opened) -> merge(batch, opened, timings))
			.flatMap((report) -> commit(db, report, timings));
		return db.begin()
			.then(Stage.create(batch))
			.then(timings.time("upload", Stage.copy(batch, rows).doOnSuccess((copied) -> timings.validated())))
			.then(timings.time("lock", db.lock(this.lockWait)))
			.then(BatchConnection.boundedLockWaits(underLock, this.lockWait))
			.onErrorMap(R2dbcDataIntegrityViolationException.class, IngestConflictException::from);
	}

	/** Records the batch, which draws its data version; the merge starts here. */
	private static Mono<OpenedBatch> record(Batch batch, String bodyChecksum, StepTimings timings) {
		timings.mergeStarted();
		return BatchBookkeeping.open(batch, bodyChecksum);
	}

	/**
	 * The merge steps, each timed under its name, then the batch's counts. A batch that
	 * inserts a large share of its table takes the bulk path ({@link TableRebuild}): the
	 * same steps against an unindexed copy, its indexes built after the writes, swapped
	 * in last.
	 */
	private Mono<BatchReport> merge(Batch batch, OpenedBatch opened, StepTimings timings) {
		MergeSteps merge = new MergeSteps(batch, opened);
		TableRebuild rebuild = new TableRebuild(batch, this.rebuildFromRows, this.lockWait);
		return merge.beginChanges()
			.then(timings.time("before", merge.beforeUpsert()))
			.then(timings.time("classify", merge.classify()))
			.flatMap((changed) -> timings.time("rebuild", rebuild.begin(changed)))
			.then(timings.time("insert", merge.insertNew()))
			.then(timings.time("update", merge.updateChanged()))
			.then(timings.time("after", merge.afterUpsert()))
			.then(timings.time("indexes", rebuild.buildIndexes()))
			.then(timings.time("analyze", merge.analyzeAfterLargeBatch()))
			.then(timings.time("delete", merge.delete()))
			.flatMap((deleted) -> timings.time("afterMerge", merge.afterMerge()).thenReturn(deleted))
			.flatMap((deleted) -> timings.time("swap", rebuild.swap()).thenReturn(deleted))
			.flatMap((deleted) -> BatchBookkeeping.close(batch, opened, deleted, timings));
	}

	/** Notifies the new data version (delivered at commit) and commits. */
	private static Mono<BatchReport> commit(BatchConnection db, BatchReport report, StepTimings timings) {
		return db.notifyOnCommit(DataVersionChannel.NAME, Long.toString(report.dataVersion()))
			.then(db.commit())
			.then(Mono.fromSupplier(() -> committed(report, timings)));
	}

	private static BatchReport committed(BatchReport report, StepTimings timings) {
		log.info("committed " + report + " in steps (ms) " + timings);
		return report;
	}

}
