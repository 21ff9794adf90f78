package org.kotaku.portal.readmodel;

import org.kotaku.portal.api.ConsistentRead;
import org.kotaku.portal.api.PublicQueryTimeout;
import org.kotaku.portal.api.DataVersion;
import org.kotaku.portal.api.SqlFile;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.r2dbc.spi.Readable;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.kotaku.portal.readmodel.SnapshotBuilder.TypeRow;
import org.kotaku.portal.readmodel.SnapshotBuilder.VillageYear;
import org.kotaku.portal.readmodel.Tally.Slot;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Reads everything a {@link Snapshot} holds with a handful of SQL aggregates (src/main/resources/sql/readmodel),
 * one after another in one read-only repeatable-read transaction: the data version and every figure always
 * describe the same database state. Given the snapshot being served, it reads only the villages that changed
 * since (the change log of migration V56) and patches it ({@link SnapshotPatch}); a whole build when the log
 * does not reach back that far, regions changed, or too many villages did.
 * PostgreSQL aggregates the canonical rows (activities from their per-village rollups, which the ingestion keeps);
 * only the aggregated rows (per village and year, per regency and type) travel to the application, where they are rolled up on
 * {@code scheduler}, off the event loop.
 */
@Repository
class SnapshotRepository {

	/**
	 * Settings of every transaction of a refresh (set local: that transaction only). Enough memory to aggregate in
	 * hash tables instead of sorting on disk; no JIT compilation (the plans' row estimates, e.g. of
	 * generate_series, exceed the JIT cost thresholds, and compiling them took longer than running them: about
	 * 2 s of CPU per refresh at national scale); no parallel workers. The queries run one after another in one
	 * transaction: on a small machine public requests need the other cores more than the refresh does (with the
	 * queries in parallel, the p99 of cached answers during back-to-back refreshes was 6x the idle p99, one after
	 * another 4.4x, while a national refresh took 1.9 s against 2.2 s). Plans for the actual values: the driver
	 * prepares its statements once, and PostgreSQL's generic plan of an incremental query (villages unknown) scans
	 * whole tables where the villages' indexes take a millisecond.
	 */
	private static final List<String> SETTINGS = List.of(PublicQueryTimeout.LIFTED, "set local work_mem = '128MB'",
			"set local jit = off", "set local max_parallel_workers_per_gather = 0",
			"set local plan_cache_mode = force_custom_plan");

	private static final String VERSION = sql("version");

	private static final String CHANGES = sql("changes");

	private static final String SLUM_YEARS = sql("slum-years");

	private static final String REGIONS = sql("regions");

	private static final RowQuery VILLAGE_YEAR = RowQuery.of("village-year");

	private static final RowQuery SLUM_YEAR = RowQuery.of("slum-year");

	private static final RowQuery ACTIVITY_TYPE = RowQuery.of("activity-type");

	private static final Slot[] VILLAGE_YEAR_SLOTS = { Slot.ACTIVITIES, Slot.PLANNED, Slot.ONGOING, Slot.COMPLETED,
			Slot.CANCELLED, Slot.BUDGET, Slot.ACTIVITY_DISBURSED, Slot.COST_BPM, Slot.COST_APBD, Slot.COST_CSR,
			Slot.COST_SWADAYA, Slot.COST_OTHER, Slot.BEN_HOUSEHOLDS, Slot.BEN_PEOPLE, Slot.BEN_WOMEN,
			Slot.BEN_LOW_INCOME, Slot.LAB_WORKERS, Slot.LAB_WOMEN, Slot.LAB_PERSON_DAYS, Slot.LAB_WAGES,
			Slot.PLANNED_BPM_REGULER, Slot.PLANNED_PKT, Slot.PLANNED_KAWASAN, Slot.PLANNED_BDI, Slot.PLANNED_OTHER,
			Slot.PAID_BPM_REGULER, Slot.PAID_PKT, Slot.PAID_KAWASAN, Slot.PAID_BDI, Slot.PAID_OTHER,
			Slot.ACCESS_HOUSEHOLDS, Slot.ACCESS_PEOPLE };

	private static final Slot[] SLUM_SLOTS = { Slot.SLUM_AREAS, Slot.SLUM_BASELINE_CHA, Slot.SLUM_CURRENT_CHA,
			Slot.SLUM_WEIGHTED_CHA, Slot.LEVEL_BERAT, Slot.LEVEL_SEDANG, Slot.LEVEL_RINGAN, Slot.LEVEL_TIDAK_KUMUH,
			Slot.LEVEL_UNASSESSED };

	private static final Log log = LogFactory.getLog(SnapshotRepository.class);

	private final DatabaseClient db;

	private final TransactionalOperator readOnly;

	private final int patchMaxVillages;

	private final SnapshotStore stored;

	SnapshotRepository(DatabaseClient db, ReactiveTransactionManager transactions, ReadModelProperties properties,
			SnapshotStore stored) {
		this.db = db;
		this.stored = stored;
		this.patchMaxVillages = properties.patchMaxVillages();
		this.readOnly = ConsistentRead.operator(transactions);
	}

	/**
	 * Loads the snapshot of the current data version: {@code previous} itself when that is still current, a
	 * patch of it when the change log allows, else a whole one (always when {@code rebuild}); the first one (no
	 * {@code previous}) from the {@link SnapshotStore} when it holds this very version. Rows are rolled up
	 * on {@code scheduler}. Fails with {@link ReplicaCatchUp.ReplicaBehind} when the database's version is below
	 * {@code floor} (a replica that has not replayed it yet; {@link ReplicaCatchUp#NO_FLOOR} on one database).
	 */
	Mono<Snapshot> load(Scheduler scheduler, Snapshot previous, boolean rebuild, long floor) {
		Mono<Snapshot> load = Flux.fromIterable(SETTINGS)
			.concatMap((setting) -> this.db.sql(setting).then())
			.then(this.db.sql(VERSION).map(SnapshotRepository::version).one())
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
		// the snapshot is swapped in (and the swap announced) on the refresh thread, not the driver's event loop
		return this.readOnly.transactional(load).publishOn(scheduler);
	}

	/** A whole snapshot: every row of every query. */
	private Mono<Snapshot> whole(DataVersion version, Scheduler scheduler) {
		SnapshotBuilder builder = new SnapshotBuilder();
		Mono<Void> regions = this.db.sql(REGIONS)
			.map(SnapshotRepository::region)
			.all()
			.collectList()
			.doOnNext(builder::regions)
			.then();
		return timed("regions", regions)
			.then(readRows(builder, null, scheduler))
			.then(slumYears())
			.publishOn(scheduler)
			.map((slumYears) -> builder.build(version, slumYears));
	}

	/**
	 * The snapshot patched with the rows of {@code villages}; empty when only a whole build gives the right
	 * figures.
	 */
	private Mono<Snapshot> patch(Snapshot previous, Set<String> villages, DataVersion version, Scheduler scheduler) {
		SnapshotBuilder rows = new SnapshotBuilder(true);
		long start = System.nanoTime();
		return readRows(rows, villages, scheduler).then(slumYears())
			.publishOn(scheduler)
			.flatMap((slumYears) -> Mono.justOrEmpty(new SnapshotPatch(previous, villages, rows).apply(version, slumYears)))
			.doOnNext((patched) -> log.debug("patched " + villages.size() + " villages in "
					+ (System.nanoTime() - start) / 1_000_000 + " ms"));
	}

	/**
	 * Adds the rows of the village-year, slum-year and activity-type queries to {@code builder}: of every village,
	 * or of {@code villages} only (and the activity types of their regencies).
	 */
	private Mono<Void> readRows(SnapshotBuilder builder, Set<String> villages, Scheduler scheduler) {
		VillageYearParser parser = new VillageYearParser();
		String[] villageCodes = villages == null ? null : villages.toArray(String[]::new);
		String[] regencyCodes = villages == null ? null
				: villages.stream().map((v) -> v.substring(0, 5)).distinct().toArray(String[]::new);
		return timed("village-year", rows(VILLAGE_YEAR, villageCodes).map(SnapshotRepository::villageYear)
			.all()
			.publishOn(scheduler)
			.doOnNext((r) -> builder.add(r.village(), r.year(), parser.tally(r.figures())))
			.then())
			.then(timed("slum-year", rows(SLUM_YEAR, villageCodes).map(SnapshotRepository::slum)
				.all()
				.publishOn(scheduler)
				.doOnNext((r) -> builder.addSlum((String) r[0], (int) r[1], (Tally) r[2]))
				.then()))
			.then(timed("activity-type", rows(ACTIVITY_TYPE, regencyCodes).map(SnapshotRepository::typeRow)
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
	 * A row query in its two forms, made once from its file: whole (its {@code {{condition}}} marks read true)
	 * and incremental (the conditions kept, {@code $1} the changed codes).
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
			.map((row) -> new SlumYears((int) number(row, "first_year"), (int) number(row, "last_year")))
			.one();
	}

	/**
	 * The villages whose figures changed after data version {@code since} up to {@code until}; empty when the
	 * snapshot must be built whole: the log does not reach back that far, regions changed, or more villages than
	 * {@code portal.read-model.patch-max-villages} did.
	 */
	private Mono<Set<String>> changedVillages(long since, long until) {
		return this.db.sql(CHANGES)
			.bind("since", since)
			.bind("until", until)
			.map((row) -> {
				boolean covered = Boolean.TRUE.equals(row.get("covered", Boolean.class));
				boolean everything = Boolean.TRUE.equals(row.get("everything", Boolean.class));
				String[] villages = row.get("villages", String[].class);
				int count = villages == null ? 0 : villages.length;
				return covered && !everything && count <= this.patchMaxVillages
						? Optional.of(villages == null ? Set.<String>of() : Set.of(villages)) : Optional.<Set<String>>empty();
			})
			.one()
			.flatMap(Mono::justOrEmpty);
	}

	private static Mono<Void> timed(String phase, Mono<Void> work) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return work.doOnSuccess((v) -> log.debug(phase + " loaded in " + (System.nanoTime() - start) / 1_000_000 + " ms"));
		});
	}

	private static DataVersion version(Readable row) {
		OffsetDateTime asOf = row.get("as_of", OffsetDateTime.class);
		boolean synthetic = Boolean.TRUE.equals(row.get("synthetic", Boolean.class));
		return new DataVersion(number(row, "version"), asOf == null ? null : asOf.toInstant(),
				synthetic ? DataVersion.SYNTHETIC : DataVersion.REAL);
	}

	private static RegionEntry region(Readable row) {
		return new RegionEntry(row.get("code", String.class), row.get("name", String.class),
				(int) number(row, "level"), row.get("type", String.class), row.get("parent_code", String.class),
				row.get("lon", Double.class), row.get("lat", Double.class), box(row));
	}

	private static RegionEntry.Box box(Readable row) {
		Double west = row.get("west", Double.class);
		return west == null ? null : new RegionEntry.Box(west, row.get("south", Double.class),
				row.get("east", Double.class), row.get("north", Double.class));
	}

	private static VillageYear villageYear(Readable row) {
		return new VillageYear(row.get("village", String.class), (int) number(row.get("year")),
				row.get("figures", String.class));
	}

	/**
	 * Turns the figures of village-year rows into a tally, always the same one (and the same parse buffer): the
	 * builder only adds it to others, and 100,000 rows per refresh then leave no garbage behind, which keeps the
	 * collector's pauses (felt by every request in flight) short while a refresh runs. One per refresh; used by
	 * one thread.
	 */
	static final class VillageYearParser {

		private final Tally tally = new Tally();

		private final long[] figures = new long[VILLAGE_YEAR_SLOTS.length + 5];

		Tally tally(String text) {
			figures(text, this.figures);
			Tally tally = this.tally;
			tally.clear();
			long[] figures = this.figures;
			for (int i = 0; i < VILLAGE_YEAR_SLOTS.length; i++) {
				tally.add(VILLAGE_YEAR_SLOTS[i], number(figures[i]));
			}
			int next = VILLAGE_YEAR_SLOTS.length;
			tally.add(Slot.ALLOCATIONS, number(figures[next + 3]));
			if (number(figures[next + 4]) == 1) {
				tally.add(Slot.ACCESS_ROWS, 1);
				long households = tally.get(Slot.ACCESS_HOUSEHOLDS);
				long weight = households == 0 ? 1 : households;
				weigh(tally, figures[next], weight, Slot.WATER_WEIGHT, Slot.WATER_SUM);
				weigh(tally, figures[next + 1], weight, Slot.SANITATION_WEIGHT, Slot.SANITATION_SUM);
				weigh(tally, figures[next + 2], weight, Slot.WASTE_WEIGHT, Slot.WASTE_SUM);
			}
			return tally;
		}

	}

	/** Adds the weight and weight x percent x 100 when the percentage is known. */
	private static void weigh(Tally tally, long pct100, long weight, Slot weightSlot, Slot sumSlot) {
		if (pct100 != NULL) {
			tally.add(weightSlot, weight);
			tally.add(sumSlot, pct100 * weight);
		}
	}

	private static Object[] slum(Readable row) {
		long[] figures = figures(row.get("figures", String.class));
		Tally tally = new Tally();
		for (int i = 0; i < SLUM_SLOTS.length; i++) {
			tally.add(SLUM_SLOTS[i], number(figures[i]));
		}
		return new Object[] { row.get("village", String.class), (int) number(row.get("year")), tally };
	}

	private static TypeRow typeRow(Readable row) {
		boolean allYears = Boolean.TRUE.equals(row.get("all_years", Boolean.class));
		long[] f = figures(row.get("figures", String.class));
		return new TypeRow(row.get("region", String.class), allYears ? 0 : (int) number(row.get("year")),
				row.get("type", String.class), row.get("unit", String.class), number(f[0]), number(f[1]),
				number(f[2]), number(f[3]), BigDecimal.valueOf(number(f[4]), 2));
	}

	/** Marks a null in a figures list. */
	private static final long NULL = Long.MIN_VALUE;

	/** Parses the comma-separated figures of a row ({@code array_to_string(..., ',', '')}); empty = null. */
	static long[] figures(String text) {
		long[] values = new long[text.length() + 1];
		return java.util.Arrays.copyOf(values, figures(text, values));
	}

	/** Parses the figures into {@code values} (large enough); returns how many there were. */
	static int figures(String text, long[] values) {
		int count = 0;
		int start = 0;
		for (int i = 0; i <= text.length(); i++) {
			if (i == text.length() || text.charAt(i) == ',') {
				values[count++] = i == start ? NULL : Long.parseLong(text, start, i, 10);
				start = i + 1;
			}
		}
		return count;
	}

	private static long number(long value) {
		return value == NULL ? 0 : value;
	}

	private static long number(Readable row, String column) {
		return number(row.get(column));
	}

	private static long number(Object value) {
		return value == null ? 0 : ((Number) value).longValue();
	}

	private static String sql(String name) {
		return SqlFile.read("sql/readmodel/" + name + ".sql");
	}

}
