package org.kotaku.portal.readmodel;

import org.kotaku.portal.api.DataVersion;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.kotaku.portal.readmodel.Tally.Slot;

/**
 * Rolls the pre-aggregated rows of {@link SnapshotRepository} (per village and year, per regency and year) up
 * to districts, regencies, provinces and the nation, and freezes the result into a {@link Snapshot}. Used by
 * one thread at a time; every row is added to at most ten tallies, so a build costs milliseconds on top of
 * the SQL.
 */
final class SnapshotBuilder {

	/** One village and year of activities, allocations and access (the columns of village-year.sql, unparsed). */
	record VillageYear(String village, int year, String figures) {
	}

	/** One row of activity-type.sql. */
	record TypeRow(String region, int year, String type, String unit, long count, long completed, long budget,
			long disbursed, BigDecimal volume) {
	}

	private final Map<String, Map<Integer, Tally>> tallies = new HashMap<>();

	private final Map<String, Map<String, TypeAccumulator>> types = new HashMap<>();

	private final Map<Integer, Set<String>> reporting = new HashMap<>();

	private final Set<Integer> years = new TreeSet<>();

	private final Map<String, String[]> ancestors = new HashMap<>();

	private List<RegionEntry> regions = List.of();

	void regions(List<RegionEntry> regions) {
		this.regions = regions;
	}

	/** Adds the figures of a village in a year (the tally is only read, never kept). */
	void add(String village, int year, Tally figures) {
		Integer boxed = year; // once per row, not once per lookup
		this.years.add(boxed);
		String[] codes = ancestors(village);
		for (String code : codes) {
			tally(code, boxed).addAll(figures, false, true);
			tally(code, 0).addAll(figures, false, false);
		}
		String regency = codes[2];
		this.reporting.computeIfAbsent(boxed, (y) -> new TreeSet<>()).add(regency);
		this.reporting.computeIfAbsent(0, (y) -> new TreeSet<>()).add(regency);
	}

	/** Adds a slum row (slots SLUM_* and LEVEL_* only) of a village in a year (0 = latest state). */
	void addSlum(String village, int year, Tally slum) {
		if (year != 0) {
			this.years.add(year);
		}
		for (String code : ancestors(village)) {
			tally(code, year).addAll(slum, true, false);
		}
	}

	void add(TypeRow row) {
		List<String> codes = row.region().length() == 5
				? List.of(Snapshot.NATIONAL, row.region().substring(0, 2), row.region()) : List.of(row.region());
		for (String code : codes) {
			this.types.computeIfAbsent(Snapshot.typeKey(code, row.year()), (k) -> new TreeMap<>())
				.computeIfAbsent(row.type(), TypeAccumulator::new)
				.add(row);
			if (row.year() != 0) {
				this.types.computeIfAbsent(Snapshot.typeKey(code, 0), (k) -> new TreeMap<>())
					.computeIfAbsent(row.type(), TypeAccumulator::new)
					.add(row);
			}
		}
	}

	Snapshot build(DataVersion version) {
		List<Integer> yearList = List.copyOf(this.years);
		Map<String, Tally[]> frozen = new HashMap<>(this.tallies.size() * 2);
		this.tallies.forEach((code, byYear) -> frozen.put(code, freeze(byYear, yearList)));
		Map<String, RegionEntry> byCode = new LinkedHashMap<>();
		Map<String, List<RegionEntry>> children = new HashMap<>();
		for (RegionEntry region : this.regions) {
			byCode.put(region.code(), region);
			children.computeIfAbsent(region.parent() == null ? Snapshot.NATIONAL : region.parent(), (p) -> new ArrayList<>())
				.add(region);
		}
		children.replaceAll((code, list) -> List.copyOf(list));
		Map<String, List<TypeFigures>> typeFigures = new HashMap<>();
		this.types.forEach((key, byType) -> typeFigures.put(key,
				byType.values().stream().map(TypeAccumulator::figures).toList()));
		Map<Integer, Set<String>> reportingCopy = new HashMap<>();
		this.reporting.forEach((year, regencies) -> reportingCopy.put(year, Set.copyOf(regencies)));
		return new Snapshot(version, yearList, byCode, children, frozen, typeFigures, reportingCopy);
	}

	/** Index 0: all years (with the latest year's access figures); index i: year first + i - 1. */
	private static Tally[] freeze(Map<Integer, Tally> byYear, List<Integer> years) {
		int first = years.isEmpty() ? 0 : years.get(0);
		Tally[] array = new Tally[years.isEmpty() ? 1 : years.get(years.size() - 1) - first + 2];
		array[0] = byYear.get(0);
		for (Map.Entry<Integer, Tally> entry : byYear.entrySet()) {
			if (entry.getKey() != 0) {
				array[entry.getKey() - first + 1] = entry.getValue();
			}
		}
		byYear.entrySet()
			.stream()
			.filter((e) -> e.getKey() != 0 && e.getValue().hasAccess())
			.max(Comparator.comparingInt(Map.Entry::getKey))
			.filter((latest) -> array[0] != null)
			.ifPresent((latest) -> array[0].copyAccess(latest.getValue(), latest.getKey()));
		byYear.forEach((year, tally) -> {
			if (year != 0 && tally.hasAccess()) {
				tally.copyAccess(tally, year);
			}
		});
		return array;
	}

	private Tally tally(String code, Integer year) {
		return this.tallies.computeIfAbsent(code, (c) -> new HashMap<>()).computeIfAbsent(year, (y) -> new Tally());
	}

	/** The nation, province, regency, district and village of a village code (made once per village). */
	private String[] ancestors(String village) {
		return this.ancestors.computeIfAbsent(village, (v) -> new String[] { Snapshot.NATIONAL, v.substring(0, 2),
				v.substring(0, 5), v.substring(0, 8), v });
	}

	/** Sums the type rows of one region, period and type over output units. */
	private static final class TypeAccumulator {

		private final String type;

		private long count;

		private long completed;

		private long budget;

		private long disbursed;

		private final Map<String, BigDecimal> outputs = new TreeMap<>();

		TypeAccumulator(String type) {
			this.type = type;
		}

		void add(TypeRow row) {
			this.count += row.count();
			this.completed += row.completed();
			this.budget += row.budget();
			this.disbursed += row.disbursed();
			if (row.unit() != null) {
				this.outputs.merge(row.unit(), row.volume(), BigDecimal::add);
			}
		}

		TypeFigures figures() {
			List<TypeFigures.Output> list = this.outputs.entrySet()
				.stream()
				.map((e) -> new TypeFigures.Output(e.getKey(), e.getValue()))
				.toList();
			return new TypeFigures(this.type, this.count, this.completed, this.budget, this.disbursed, list);
		}

	}

}
