package org.kotaku.portal.readmodel;

import org.kotaku.portal.api.ConsistentRead;
import org.kotaku.portal.api.PublicQueryTimeout;
import org.kotaku.portal.api.SqlFile;
import org.kotaku.portal.dataversion.DataVersion;
import org.kotaku.portal.dataversion.DataVersions;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Reads everything a {@link Snapshot} holds with a handful of SQL aggregates
 * (src/main/resources/sql/readmodel), one after another in one read-only repeatable-read
 * transaction: the data version and every figure always describe the same database state.
 * Given the snapshot being served, it reads only the villages that changed since (the
 * change log of migration V56) and patches it ({@link SnapshotPatch}); a whole build when
 * the log does not reach back that far, regions changed, or too many villages did.
 * PostgreSQL aggregates the canonical rows (activities from their per-village rollups,
 * which the ingestion keeps); only the aggregated rows (per village and year, per regency
 * and type) travel to the application, where they are rolled up on {@code scheduler}, off
 * the event loop.
 */
@Repository
class SnapshotRepository {

	/**
	 * Settings of every transaction of a refresh (set local: that transaction only).
	 * Enough memory to aggregate in hash tables instead of sorting on disk; no JIT
	 * compilation (the plans' row estimates, e.g. of generate_series, exceed the JIT cost
	 * thresholds, and compiling them took longer than running them: about 2 s of CPU per
	 * refresh at national scale); no parallel workers. The queries run one after another
	 * in one transaction: on a small machine public requests need the other cores more
	 * than the refresh does (with the queries in parallel, the p99 of cached answers
	 * during back-to-back refreshes was 6x the idle p99, one after another 4.4x, while a
	 * national refresh took 1.9 s against 2.2 s). Plans for the actual values: the driver
	 * prepares its statements once, and PostgreSQL's generic plan of an incremental query
	 * (villages unknown) scans whole tables where the villages' indexes take a
	 * millisecond.
	 */
	private static final List<String> SETTINGS = List.of(PublicQueryTimeout.LIFTED, "set local work_mem = '128MB'",
			"set local jit = off", "set local max_parallel_workers_per_gather = 0",
			"set local plan_cache_mode = force_custom_plan");

	private static final String CHANGES = sql("changes");

	private static final String SLUM_YEARS = sql("slum-years");

	private static final String REGIONS = sql("regions");

	private static final RowQuery VILLAGE_YEAR = RowQuery.of("village-year");

	private static final RowQuery SLUM_YEAR = RowQuery.of("slum-year");

	private static final RowQuery ACTIVITY_TYPE = RowQuery.of("activity-type");

	private static final Log log = LogFactory.getLog(SnapshotRepository.class);

	private final DatabaseClient db;

	private final DataVersions versions;

	private final TransactionalOperator readOnly;

	private final int patchMaxVillages;

	private final SnapshotStore stored;

	SnapshotRepository(DatabaseClient db, DataVersions versions, ReactiveTransactionManager transactions,
			ReadModelProperties properties, SnapshotStore stored) {
		this.db = db;
		this.versions = versions;
		this.stored = stored;
		this.patchMaxVillages = properties.patchMaxVillages();
		this.readOnly = ConsistentRead.operator(transactions);
	}

	/**
	 * Loads the snapshot of the current data version: {@code previous} itself when that
	 * is still current, a patch of it when the change log allows, else a whole one
	 * (always when {@code rebuild}); the first one (no {@code previous}) from the
	 * {@link SnapshotStore} when it holds this very version. Rows are rolled up on
	 * {@code scheduler}. Fails with {@link ReplicaCatchUp.ReplicaBehind} when the
	 * database's version is below {@code floor} (a replica that has not replayed it yet;
	 * {@link ReplicaCatchUp#NO_FLOOR} on one database).
	 */
	Mono<Snapshot> load(Scheduler scheduler, Snapshot previous, boolean rebuild, long floor) {
		Mono<Snapshot> load = Flux.fromIterable(SETTINGS)
			.concatMap((setting) -> this.db.sql(setting).then())
			.then(this.versions.current())
			.flatMap((version) -> {
				if (version.version() < floor) {
					return Mono.error(new ReplicaCatchUp.ReplicaBehind(version.version(), floor));
				}
				if (previous == null && !rebuild) {
					// a file read: on the refresh thread, not the driver's event loop
					return Mono.fromCallable(() -> this.stored.read(version))
						.subscribeOn(scheduler)
						.flatMap(Mono::justOrEmpty)
						.switchIfEmpty(Mono.defer(() -> whole(version, scheduler)));
				}
				if (previous == null || rebuild || version.version() < previous.version().version()) {
					return whole(version, scheduler);
				}
				if (version.version() == previous.version().version()) {
					return Mono.just(previous);
				}
				return changedVillages(previous.version().version(), version.version())
					.flatMap((villages) -> patch(previous, villages, version, scheduler))
					.switchIfEmpty(Mono.defer(() -> whole(version, scheduler)));
			});
		// the snapshot is swapped in (and the swap announced) on the refresh thread, not
		// the driver's event loop
		return this.readOnly.transactional(load).publishOn(scheduler);
	}

	/** A whole snapshot: every row of every query. */
	private Mono<Snapshot> whole(DataVersion version, Scheduler scheduler) {
		SnapshotBuilder builder = new SnapshotBuilder();
		Mono<Void> regions = this.db.sql(REGIONS)
			.map(SnapshotRows::region)
			.all()
			.collectList()
			.doOnNext(builder::regions)
			.then();
		return timed("regions", regions).then(readRows(builder, null, scheduler))
			.then(slumYears())
			.publishOn(scheduler)
			.map((slumYears) -> builder.build(version, slumYears));
	}

	/**
	 * The snapshot patched with the rows of {@code villages}; empty when only a whole
	 * build gives the right figures.
	 */
	private Mono<Snapshot> patch(Snapshot previous, Set<String> villages, DataVersion version, Scheduler scheduler) {
		SnapshotBuilder rows = new SnapshotBuilder(true);
		long start = System.nanoTime();
		return readRows(rows, villages, scheduler).then(slumYears())
			.publishOn(scheduler)
			.flatMap((slumYears) -> Mono
				.justOrEmpty(new SnapshotPatch(previous, villages, rows).apply(version, slumYears)))
			.doOnNext((patched) -> log.debug(
					"patched " + villages.size() + " villages in " + (System.nanoTime() - start) / 1_000_000 + " ms"));
	}

	/**
	 * Adds the rows of the village-year, slum-year and activity-type queries to
	 * {@code builder}: of every village, or of {@code villages} only (and the activity
	 * types of their regencies).
	 */
	private Mono<Void> readRows(SnapshotBuilder builder, Set<String> villages, Scheduler scheduler) {
		SnapshotRows.VillageYearParser parser = new SnapshotRows.VillageYearParser();
		String[] villageCodes = villages == null ? null : villages.toArray(String[]::new);
		String[] regencyCodes = villages == null ? null
				: villages.stream().map((v) -> v.substring(0, 5)).distinct().toArray(String[]::new);
		return timed("village-year",
				rows(VILLAGE_YEAR, villageCodes).map(SnapshotRows::villageYear)
					.all()
					.publishOn(scheduler)
					.doOnNext((r) -> builder.add(r.village(), r.year(), parser.tally(r.figures())))
					.then())
			.then(timed("slum-year",
					rows(SLUM_YEAR, villageCodes).map(SnapshotRows::slum)
						.all()
						.publishOn(scheduler)
						.doOnNext((r) -> builder.addSlum((String) r[0], (int) r[1], (Tally) r[2]))
						.then()))
			.then(timed("activity-type",
					rows(ACTIVITY_TYPE, regencyCodes).map(SnapshotRows::typeRow)
						.all()
						.publishOn(scheduler)
						.doOnNext(builder::add)
						.then()));
	}

	/** One of the row queries: whole ({@code codes} null), or for the given codes. */
	private DatabaseClient.GenericExecuteSpec rows(RowQuery query, String[] codes) {
		return codes == null ? this.db.sql(query.whole()) : this.db.sql(query.incremental()).bind(0, codes);
	}

	/**
	 * A row query in its two forms, made once from its file: whole (its
	 * {@code {{condition}}} marks read true) and incremental (the conditions kept,
	 * {@code $1} the changed codes).
	 */
	private record RowQuery(String whole, String incremental) {

		private static final Pattern CONDITION = Pattern.compile("\\{\\{(.+?)}}", Pattern.DOTALL);

		static RowQuery of(String name) {
			String sql = sql(name);
			return new RowQuery(CONDITION.matcher(sql).replaceAll("true"), CONDITION.matcher(sql).replaceAll("($1)"));
		}

	}

	private Mono<SlumYears> slumYears() {
		return this.db.sql(SLUM_YEARS)
			.map((row) -> new SlumYears((int) SnapshotRows.number(row, "first_year"),
					(int) SnapshotRows.number(row, "last_year")))
			.one();
	}

	/**
	 * The villages whose figures changed after data version {@code since} up to
	 * {@code until}; empty when the snapshot must be built whole: the log does not reach
	 * back that far, regions changed, or more villages than
	 * {@code portal.read-model.patch-max-villages} did.
	 */
	private Mono<Set<String>> changedVillages(long since, long until) {
		return this.db.sql(CHANGES).bind("since", since).bind("until", until).map((row) -> {
			boolean covered = Boolean.TRUE.equals(row.get("covered", Boolean.class));
			boolean everything = Boolean.TRUE.equals(row.get("everything", Boolean.class));
			String[] villages = row.get("villages", String[].class);
			int count = villages == null ? 0 : villages.length;
			return covered && !everything && count <= this.patchMaxVillages
					? Optional.of(villages == null ? Set.<String>of() : Set.of(villages))
					: Optional.<Set<String>>empty();
		}).one().flatMap(Mono::justOrEmpty);
	}

	private static Mono<Void> timed(String phase, Mono<Void> work) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return work
				.doOnSuccess((v) -> log.debug(phase + " loaded in " + (System.nanoTime() - start) / 1_000_000 + " ms"));
		});
	}

	private static String sql(String name) {
		return SqlFile.read("sql/readmodel/" + name + ".sql");
	}

}
