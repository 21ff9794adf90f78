package org.kotaku.portal.ingest.pipeline;

import java.time.Duration;
import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * The bulk path of a batch that inserts a large share of its table (at least
 * {@code fromRows} new rows, and at least as many as the table holds already, as a first
 * load does): instead of maintaining every index row by row, the batch writes the table's
 * new contents into an unindexed copy (schema {@value #SCHEMA}, migration V58), builds
 * the indexes once, runs the rest of the merge against the copy, and swaps it in at the
 * end of its transaction. Public reads see the live table until the commit and wait only
 * for the swap itself. Every step is part of the batch's transaction: a failure anywhere,
 * an index build included, leaves the live table exactly as it was. Not thread-safe: one
 * batch is one sequential stream.
 */
public final class TableRebuild {

	static final String SCHEMA = "kotaku_rebuild";

	private final Batch batch;

	private final long fromRows;

	private final Duration lockWait;

	private boolean active;

	public TableRebuild(Batch batch, long fromRows, Duration lockWait) {
		this.batch = batch;
		this.fromRows = fromRows;
		this.lockWait = lockWait;
	}

	/**
	 * Decides from the classified rows (table {@code changed}) whether the batch takes
	 * the bulk path: only for inserts, as a batch that rewrites stored rows would have to
	 * copy them and then write them again (slower than the row path under load: a full
	 * reload beside public traffic did not finish in 900 s, against 630-660 s). If so,
	 * copies the live rows beside the table and points the batch's search path at the
	 * copy, so that every following statement that names the table writes the copy. Emits
	 * whether it did.
	 */
	public Mono<Boolean> begin(long changedRows) {
		if (!this.batch.spec().rebuildsLargeBatches() || changedRows < this.fromRows) {
			return Mono.just(false);
		}
		return newRows().filter((added) -> added >= this.fromRows)
			.flatMap((added) -> storedRowsIfEligible().filter((stored) -> stored >= 0 && stored <= added))
			.flatMap((stored) -> copyLiveRows().thenReturn(true))
			.doOnNext((started) -> this.active = true)
			.defaultIfEmpty(false);
	}

	/** Builds the live table's indexes and keys on the copy (nothing on the row path). */
	public Mono<Void> buildIndexes() {
		return whenActive(query("select kotaku_rebuild_indexes(cast(:live as regclass), cast(:copy as regclass))"));
	}

	/**
	 * Swaps the copy in for the live table, waiting at most the batch's lock wait for
	 * readers to let go of it (nothing on the row path).
	 */
	public Mono<Void> swap() {
		return whenActive(query(
				"select kotaku_rebuild_swap(cast(:live as regclass), cast(:copy as regclass), cast(:patience as interval))"));
	}

	/**
	 * How many rows the table holds, or -1 when something a copy would lose (triggers,
	 * row security, references to it) is attached to it.
	 */
	private Mono<Long> storedRowsIfEligible() {
		return this.batch.db()
			.query(BoundSql
				.of("select case when kotaku_rebuild_eligible(cast(:live as regclass)) then (select count(*) from "
						+ this.batch.spec().table() + ") else -1 end", values()),
					(row) -> row.get(0, Long.class))
			.next();
	}

	private Mono<Long> newRows() {
		return this.batch.db()
			.query(BoundSql.constant("select count(*) from changed where is_new"), (row) -> row.get(0, Long.class))
			.next();
	}

	private Mono<Void> copyLiveRows() {
		return query("select kotaku_rebuild_begin(cast(:live as regclass))")
			.then(query("select set_config('search_path', :schema || ', ' || current_setting('search_path'), true)"));
	}

	private Mono<Void> whenActive(Mono<Void> step) {
		return Mono.defer(() -> this.active ? step : Mono.empty());
	}

	private Mono<Void> query(String template) {
		return this.batch.db().query(BoundSql.of(template, values()), (row) -> 1L).then();
	}

	/** The values the statements of this class name. */
	private Map<String, Object> values() {
		return Map.of("live", "public." + this.batch.spec().table(), "copy", SCHEMA + "." + this.batch.spec().table(),
				"schema", SCHEMA, "patience", this.lockWait.toMillis() + " milliseconds");
	}

}
