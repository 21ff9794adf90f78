package org.kotaku.portal.ingest.pipeline;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The merge steps of a recorded batch, in the order they run: open the read model's
 * change log for the batch's version, the dataset's statements before the upsert,
 * classify the staged rows (new, changed, unchanged), insert the new, update the changed,
 * the statements after the upsert, refresh the planner's statistics after a large batch,
 * delete (listed deletions and a replace batch's unlisted records, refused while still
 * referred to), and the statements at the end of the merge. Every value is bound
 * ({@link BoundSql}).
 */
public final class MergeSteps {

	/**
	 * How many data versions the read model's change log keeps (migration V56): a node
	 * whose snapshot is older rebuilds it whole instead of re-reading the villages that
	 * changed.
	 */
	static final int CHANGE_LOG_VERSIONS = 1000;

	/**
	 * Batches of this many rows or more analyze their table before the statements that
	 * follow the merge.
	 */
	static final long ANALYZE_FROM_ROWS = 100_000;

	private final Batch batch;

	private final OpenedBatch opened;

	public MergeSteps(Batch batch, OpenedBatch opened) {
		this.batch = batch;
		this.opened = opened;
	}

	public Mono<Long> beginChanges() {
		return execute("select kotaku_begin_changes(:version, :keep)",
				Map.of("version", this.opened.version(), "keep", CHANGE_LOG_VERSIONS));
	}

	/**
	 * The dataset's statements before the upsert (e.g. decrees referenced by slum areas).
	 */
	public Mono<Void> beforeUpsert() {
		return executeAll(this.batch.spec().beforeUpsert());
	}

	/** Upsert rows that are new or differ from what is stored, into {@code changed}. */
	public Mono<Long> classify() {
		return this.batch.db().execute(this.batch.sql().classify());
	}

	public Mono<Long> insertNew() {
		return execute(this.batch.sql().insertNew());
	}

	public Mono<Long> updateChanged() {
		return execute(this.batch.sql().updateChanged());
	}

	/**
	 * The dataset's statements after the upsert, over the stage joined to
	 * {@code changed}.
	 */
	public Mono<Void> afterUpsert() {
		return executeAll(this.batch.spec().afterUpsert());
	}

	/**
	 * Refreshes the planner's statistics of the target table inside the batch's
	 * transaction (ANALYZE counts the transaction's own rows) after a batch of
	 * {@value #ANALYZE_FROM_ROWS} rows or more: the statements after the merge otherwise
	 * plan with the table's size before it, e.g. empty after a reset, and a first load of
	 * a million activities spent 100 s recomputing the per-village rollups with a plan
	 * made for an empty table.
	 */
	public Mono<Void> analyzeAfterLargeBatch() {
		return Mono.defer(() -> this.batch.staged().rows() < ANALYZE_FROM_ROWS ? Mono.empty()
				: this.batch.db().execute("analyze " + this.batch.spec().table()).then());
	}

	/**
	 * Deletes what the batch lists for deletion and, in replace mode, what its scope
	 * lacks; emits how many.
	 */
	public Mono<Long> delete() {
		return deleteListed().flatMap((listed) -> replaceScope().map((unlisted) -> listed + unlisted))
			.flatMap((deleted) -> guardDeletes(deleted).thenReturn(deleted));
	}

	/**
	 * The dataset's statements at the end of the merge, {@code :in_scope} resolved for a
	 * replace batch.
	 */
	public Mono<Void> afterMerge() {
		return Flux.fromIterable(this.batch.spec().afterMerge())
			.map((statement) -> this.batch.sql().afterMerge(statement, this.batch.replace(), this.batch.byRegion()))
			.concatMap(this::execute)
			.then();
	}

	/**
	 * Deletes the records the batch lists for deletion; nothing to run when it lists
	 * none. (Run anyway, the statement is only as fast as its plan: right after the
	 * target table was emptied, its statistics can say it is empty, and a first load of a
	 * million activities then waited minutes for a nested loop that rescanned the whole
	 * stage for every stored row.)
	 */
	private Mono<Long> deleteListed() {
		return Mono
			.defer(() -> this.batch.staged().deletes() == 0 ? Mono.just(0L) : execute(this.batch.sql().deletes()));
	}

	private Mono<Long> replaceScope() {
		if (!this.batch.replace()) {
			return Mono.just(0L);
		}
		return execute(this.batch.sql().replaceScope(this.batch.byRegion(), this.batch.byYear()));
	}

	/**
	 * Refuses the batch when a record it deleted is still referred to (see
	 * {@code DatasetSpec.deleteGuards()}).
	 */
	private Mono<Void> guardDeletes(long deleted) {
		if (deleted == 0) {
			return Mono.empty();
		}
		return Flux.fromIterable(this.batch.spec().deleteGuards())
			.concatMap((guard) -> this.batch.db()
				.query(this.batch.bind(guard, this.opened), (row) -> row.get(0, String.class)))
			.collectList()
			.flatMap(MergeSteps::refuseReferenced);
	}

	private static Mono<Void> refuseReferenced(List<String> references) {
		return references.isEmpty() ? Mono.empty() : Mono.error(new IngestConflictException(
				"the batch conflicts with stored records: " + String.join("; ", references), null));
	}

	private Mono<Void> executeAll(List<String> statements) {
		return Flux.fromIterable(statements).concatMap(this::execute).then();
	}

	private Mono<Long> execute(String template) {
		return this.batch.db().execute(this.batch.bind(template, this.opened));
	}

	private Mono<Long> execute(String template, Map<String, ?> values) {
		return this.batch.db().execute(BoundSql.of(template, values));
	}

}
