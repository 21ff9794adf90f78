package org.kotaku.portal.ingest.dataset;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.vocabulary.ActivityStatus;
import org.kotaku.portal.catalog.vocabulary.ActivityType;
import org.kotaku.portal.catalog.vocabulary.OutputUnit;
import org.kotaku.portal.ingest.validation.ReferenceChecks;
import org.kotaku.portal.ingest.validation.RowReader;

/**
 * The {@code activities} dataset: one piece of work in one village. The budget is split
 * by funding source ({@code costBpmIdr}, {@code costApbdIdr}, {@code costCsrIdr},
 * {@code costSwadayaIdr}, {@code costOtherIdr}); when no split is given the whole budget
 * counts as {@code costOtherIdr} (source not reported). Disbursed may not exceed the
 * budget unless {@code overBudgetOk} is true.
 */
final class ActivityRows extends IdKeyedRows {

	static final Set<String> TYPES = Term.codes(ActivityType.class);

	static final Set<String> STATUSES = Term.codes(ActivityStatus.class);

	static final Set<String> UNITS = Term.codes(OutputUnit.class);

	static final List<String> COST_FIELDS = List.of("costBpmIdr", "costApbdIdr", "costCsrIdr", "costSwadayaIdr",
			"costOtherIdr");

	@Override
	public Dataset dataset() {
		return Dataset.ACTIVITIES;
	}

	@Override
	public List<Column> stageColumns() {
		return List.of(new Column("id", "text"), new Column("village_code", "text"), new Column("slum_area_id", "text"),
				new Column("allocation_id", "text"), new Column("fiscal_year", "smallint"), new Column("type", "text"),
				new Column("name", "text"), new Column("status", "text"), new Column("physical_progress", "numeric"),
				new Column("output_volume", "numeric"), new Column("output_unit", "text"),
				new Column("start_date", "date"), new Column("end_date", "date"), new Column("budget_idr", "bigint"),
				new Column("disbursed_idr", "bigint"), new Column("cost_bpm_idr", "bigint"),
				new Column("cost_apbd_idr", "bigint"), new Column("cost_csr_idr", "bigint"),
				new Column("cost_swadaya_idr", "bigint"), new Column("cost_other_idr", "bigint"),
				new Column("beneficiary_households", "integer"), new Column("beneficiary_people", "integer"),
				new Column("beneficiary_women", "integer"), new Column("beneficiary_low_income", "integer"),
				new Column("labour_workers", "integer"), new Column("labour_women", "integer"),
				new Column("labour_person_days", "integer"), new Column("labour_daily_wage_idr", "bigint"),
				new Column("labour_wages_idr", "bigint"), new Column("lon", "float8"), new Column("lat", "float8"));
	}

	@Override
	public Object[] read(RowReader row) {
		String id = row.text("id", true, 100);
		String village = row.regionCode("village", true, 4);
		String slumArea = row.text("slumAreaId", false, 100);
		String allocation = row.text("allocationId", false, 100);
		Long year = row.integer("fiscalYear", true, 2010, 2100);
		String type = row.choice("type", true, TYPES);
		String name = row.text("name", true, 300);
		String status = row.choice("status", true, STATUSES);
		BigDecimal progress = row.decimal("physicalProgress", true, BigDecimal.ZERO, BigDecimal.valueOf(100), 2);
		BigDecimal volume = row.decimal("outputVolume", false, BigDecimal.ZERO, new BigDecimal("999999999999"), 2);
		String unit = row.choice("outputUnit", volume != null, UNITS);
		LocalDate start = row.date("startDate", false);
		LocalDate end = row.date("endDate", false);
		Long budget = row.rupiah("budgetIdr", true);
		Long disbursed = row.rupiah("disbursedIdr", false);
		boolean overBudgetOk = Boolean.TRUE.equals(row.bool("overBudgetOk", false));
		Long[] costs = COST_FIELDS.stream().map((f) -> row.rupiah(f, false)).toArray(Long[]::new);
		Long households = row.integer("beneficiaryHouseholds", false, 0, 10_000_000);
		Long people = row.integer("beneficiaryPeople", false, 0, 100_000_000);
		Long women = row.integer("beneficiaryWomen", false, 0, 100_000_000);
		Long lowIncome = row.integer("beneficiaryLowIncome", false, 0, 100_000_000);
		Long workers = row.integer("labourWorkers", false, 0, 1_000_000);
		Long womenWorkers = row.integer("labourWomen", false, 0, 1_000_000);
		Long personDays = row.integer("labourPersonDays", false, 0, 100_000_000);
		Long dailyWage = row.rupiah("labourDailyWageIdr", false);
		Long wages = row.rupiah("labourWagesIdr", false);
		double[] location = row.point("location", false);
		if (!row.valid()) {
			return null;
		}
		checkConsistency(row, status, progress, volume, unit, start, end, budget, disbursed, overBudgetOk, costs,
				people, women, workers, womenWorkers);
		if (!row.valid()) {
			return null;
		}
		if (java.util.Arrays.stream(costs).allMatch(java.util.Objects::isNull)) {
			costs[4] = budget;
		}
		return new Object[] { id, village, slumArea, allocation, year, type, name, status, progress, volume, unit,
				start, end, budget, disbursed == null ? 0L : disbursed, zero(costs[0]), zero(costs[1]), zero(costs[2]),
				zero(costs[3]), zero(costs[4]), households, people, women, lowIncome, workers, womenWorkers, personDays,
				dailyWage, wages, location == null ? null : location[0], location == null ? null : location[1] };
	}

	private static void checkConsistency(RowReader row, String status, BigDecimal progress, BigDecimal volume,
			String unit, LocalDate start, LocalDate end, Long budget, Long disbursed, boolean overBudgetOk,
			Long[] costs, Long people, Long women, Long workers, Long womenWorkers) {
		if ("completed".equals(status) && progress.compareTo(BigDecimal.valueOf(100)) != 0) {
			row.reject("physicalProgress", progress.toPlainString(), "must be 100 for a completed activity");
		}
		if (unit != null && volume == null) {
			row.reject("outputVolume", null, "is required when outputUnit is given");
		}
		if (start != null && end != null && end.isBefore(start)) {
			row.reject("endDate", end, "must not be before startDate (" + start + ")");
		}
		if (disbursed != null && disbursed > budget && !overBudgetOk) {
			row.reject("disbursedIdr", disbursed, "exceeds budgetIdr (" + budget + "); set overBudgetOk to accept");
		}
		boolean split = java.util.Arrays.stream(costs).anyMatch(java.util.Objects::nonNull);
		long sum = java.util.Arrays.stream(costs).mapToLong(ActivityRows::zero).sum();
		if (split && sum != budget) {
			row.reject("budgetIdr", budget, "must equal the sum of the cost split by source (" + sum + ")");
		}
		if (women != null && people != null && women > people) {
			row.reject("beneficiaryWomen", women, "exceeds beneficiaryPeople (" + people + ")");
		}
		if (womenWorkers != null && workers != null && womenWorkers > workers) {
			row.reject("labourWomen", womenWorkers, "exceeds labourWorkers (" + workers + ")");
		}
	}

	private static long zero(Long value) {
		return value == null ? 0L : value;
	}

	@Override
	public String table() {
		return "activity";
	}

	@Override
	public List<Column> targetColumns() {
		return stageColumns().stream()
			.filter((c) -> !c.name().equals("lon") && !c.name().equals("lat"))
			.map((c) -> new Column(c.name(), "s." + c.name() + cast(c.name())))
			.collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), (list) -> {
				list.add(new Column("location", "ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326)"));
				return list;
			}));
	}

	private static String cast(String column) {
		return switch (column) {
			case "physical_progress" -> "::numeric(5,2)";
			case "output_volume" -> "::numeric(14,2)";
			default -> "";
		};
	}

	@Override
	public List<String> databaseChecks() {
		return List.of(ReferenceChecks.villageExists(), """
				select s.row_no, 'slumAreaId', s.slum_area_id, 'slum area ' || s.slum_area_id || ' does not exist'
				from stage s where s.op = 'upsert' and s.slum_area_id is not null
				  and not exists (select 1 from slum_area a where a.id = s.slum_area_id)""", """
				select s.row_no, 'allocationId', s.allocation_id, 'allocation ' || s.allocation_id || ' does not exist'
				from stage s where s.op = 'upsert' and s.allocation_id is not null
				  and not exists (select 1 from allocation a where a.id = s.allocation_id)""");
	}

	/**
	 * Remembers the villages whose tile cells the batch may change: here the former
	 * village of every activity the batch deletes or moves to another village (afterwards
	 * that is no longer known).
	 */
	@Override
	public List<String> beforeUpsert() {
		return List.of("""
				create temp table touched_village on commit drop as
				select distinct a.village_code from activity a join stage s on s.record_id = a.id
				where s.op = 'delete' or a.village_code is distinct from s.village_code""");
	}

	/** The villages of the activities the batch inserts or changes. */
	@Override
	public List<String> afterUpsert() {
		return List.of("""
				insert into touched_village
				select distinct s.village_code from stage s join changed c on c.row_no = s.row_no""");
	}

	/**
	 * Recomputes the tile cells ({@code activity_tile_cell}, read by the low-zoom
	 * activity tiles) and the read model's {@link ActivityRollups} of the touched
	 * villages, and of every village in a replace batch's scope (its unlisted activities
	 * were deleted), inside the batch's transaction, so that they match the batch's data
	 * version.
	 */
	@Override
	public List<String> afterMerge() {
		List<String> statements = new ArrayList<>(List.of("""
				insert into touched_village select distinct g.village_code from activity_tile_cell g where :in_scope""",
				"analyze touched_village", "select kotaku_refresh_activity_tile_cells()"));
		statements.addAll(ActivityRollups.AFTER_MERGE);
		return statements;
	}

	/**
	 * A first national load inserts a million activities: building the eight indexes once
	 * costs far less than maintaining them row by row (bench/results/ingest-rebuild.md).
	 */
	@Override
	public boolean rebuildsLargeBatches() {
		return true;
	}

	@Override
	public ScopeColumns scopeColumns() {
		return new ScopeColumns("village_code", "fiscal_year");
	}

}
