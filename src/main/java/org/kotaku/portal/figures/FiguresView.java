package org.kotaku.portal.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kotaku.portal.readmodel.Snapshot;
import org.kotaku.portal.readmodel.Tally;
import org.kotaku.portal.readmodel.Tally.Slot;
import org.kotaku.portal.readmodel.TypeFigures;

/**
 * The headline figures of one region and year as published (docs/api-v1-aggregates.md,
 * "summary"): each section is null when nothing was reported for it. Slum reduction comes
 * twice and is never mixed: official (area now tidak kumuh) and weighted (area times
 * handling contribution).
 */
public final class FiguresView {

	record Slum(long areas, BigDecimal baselineHa, BigDecimal currentHa, BigDecimal officialReducedHa,
			BigDecimal officialReducedPct, BigDecimal weightedReducedHa, Map<String, Long> areasByLevel) {
	}

	record Access(long year, long households, long people, BigDecimal safeWaterPct, BigDecimal sanitationPct,
			BigDecimal wasteServicePct) {
	}

	record SourceBudget(String source, long budgetIdr) {
	}

	record ProgramMoney(String program, long plannedIdr, long disbursedIdr) {
	}

	record Money(long plannedIdr, long disbursedIdr, BigDecimal disbursementRate, long activityBudgetIdr,
			long activityDisbursedIdr, List<SourceBudget> bySource, List<ProgramMoney> byProgram) {
	}

	record Activities(long total, Map<String, Long> byStatus, List<TypeFigures> byType) {
	}

	record Beneficiaries(long households, long people, long women, long lowIncome) {
	}

	record Labour(long workers, long womenWorkers, long personDays, long wagesIdr) {
	}

	record Coverage(int regenciesInProgram, int regenciesReporting) {
	}

	record SeriesPoint(int year, Long plannedIdr, Long disbursedIdr, Long activities, Long completed,
			BigDecimal currentSlumHa, BigDecimal safeWaterPct, BigDecimal sanitationPct) {
	}

	private FiguresView() {
	}

	/**
	 * The members after the envelope: year, hasData, sections, coverage and the yearly
	 * series.
	 */
	public static Map<String, Object> of(Snapshot snapshot, String code, int year) {
		Tally tally = snapshot.tally(code, year).orElse(null);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("year", year == 0 ? null : year);
		body.put("hasData", tally != null && tally.hasData());
		body.put("slum", tally != null && tally.hasSlum() ? slum(tally) : null);
		body.put("access", tally != null && tally.hasAccess() ? access(tally) : null);
		body.put("money", tally != null && (tally.hasAllocations() || tally.hasActivities()) ? money(tally) : null);
		boolean activities = tally != null && tally.hasActivities();
		body.put("activities", activities ? activities(tally, snapshot.types(code, year)) : null);
		body.put("beneficiaries", activities ? beneficiaries(tally) : null);
		body.put("labour", activities ? labour(tally) : null);
		body.put("coverage",
				new Coverage(snapshot.regenciesReporting(code, 0), snapshot.regenciesReporting(code, year)));
		body.put("series", series(snapshot, code));
		return body;
	}

	static Slum slum(Tally t) {
		Map<String, Long> levels = new LinkedHashMap<>();
		levels.put("berat", t.get(Slot.LEVEL_BERAT));
		levels.put("sedang", t.get(Slot.LEVEL_SEDANG));
		levels.put("ringan", t.get(Slot.LEVEL_RINGAN));
		levels.put("tidak_kumuh", t.get(Slot.LEVEL_TIDAK_KUMUH));
		levels.put("unassessed", t.get(Slot.LEVEL_UNASSESSED));
		return new Slum(t.get(Slot.SLUM_AREAS), Numbers.hectares(t.get(Slot.SLUM_BASELINE_CHA)),
				Numbers.hectares(t.get(Slot.SLUM_CURRENT_CHA)), Metric.SLUM_REDUCED_HA.of(t),
				Metric.SLUM_REDUCED_PCT.of(t), Numbers.hectares(t.get(Slot.SLUM_WEIGHTED_CHA)), levels);
	}

	static Access access(Tally t) {
		return new Access(t.get(Slot.ACCESS_YEAR), t.get(Slot.ACCESS_HOUSEHOLDS), t.get(Slot.ACCESS_PEOPLE),
				Metric.SAFE_WATER_PCT.of(t), Metric.SANITATION_PCT.of(t),
				Numbers.weightedPercent(t.get(Slot.WASTE_SUM), t.get(Slot.WASTE_WEIGHT)));
	}

	static Money money(Tally t) {
		List<SourceBudget> sources = new ArrayList<>();
		for (int s = 0; s < Tally.SOURCES.length; s++) {
			sources.add(new SourceBudget(Tally.SOURCES[s], t.cost(s)));
		}
		List<ProgramMoney> programs = new ArrayList<>();
		for (int p = 0; p < Tally.PROGRAMS.length; p++) {
			programs.add(new ProgramMoney(Tally.PROGRAMS[p], t.planned(p), t.paid(p)));
		}
		return new Money(t.plannedIdr(), t.disbursedIdr(), Numbers.rate(t.disbursedIdr(), t.plannedIdr()),
				t.get(Slot.BUDGET), t.get(Slot.ACTIVITY_DISBURSED), sources, programs);
	}

	/**
	 * {@code byType} is null where the read model does not keep it (districts and
	 * villages in one year).
	 */
	static Activities activities(Tally t, List<TypeFigures> types) {
		Map<String, Long> byStatus = new LinkedHashMap<>();
		byStatus.put("planned", t.get(Slot.PLANNED));
		byStatus.put("ongoing", t.get(Slot.ONGOING));
		byStatus.put("completed", t.get(Slot.COMPLETED));
		byStatus.put("cancelled", t.get(Slot.CANCELLED));
		return new Activities(t.get(Slot.ACTIVITIES), byStatus, types.isEmpty() ? null : types);
	}

	static Beneficiaries beneficiaries(Tally t) {
		return new Beneficiaries(t.get(Slot.BEN_HOUSEHOLDS), t.get(Slot.BEN_PEOPLE), t.get(Slot.BEN_WOMEN),
				t.get(Slot.BEN_LOW_INCOME));
	}

	static Labour labour(Tally t) {
		return new Labour(t.get(Slot.LAB_WORKERS), t.get(Slot.LAB_WOMEN), t.get(Slot.LAB_PERSON_DAYS),
				t.get(Slot.LAB_WAGES));
	}

	static List<SeriesPoint> series(Snapshot snapshot, String code) {
		List<SeriesPoint> series = new ArrayList<>();
		for (int year : snapshot.years()) {
			snapshot.tally(code, year).filter(Tally::hasData).ifPresent((t) -> series.add(point(year, t)));
		}
		return series;
	}

	private static SeriesPoint point(int year, Tally t) {
		boolean money = t.hasAllocations();
		boolean work = t.hasActivities();
		return new SeriesPoint(year, money ? t.plannedIdr() : null, money ? t.disbursedIdr() : null,
				work ? t.get(Slot.ACTIVITIES) : null, work ? t.get(Slot.COMPLETED) : null, Metric.CURRENT_SLUM_HA.of(t),
				Metric.SAFE_WATER_PCT.of(t), Metric.SANITATION_PCT.of(t));
	}

}
