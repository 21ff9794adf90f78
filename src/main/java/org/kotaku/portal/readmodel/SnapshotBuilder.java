package org.kotaku.portal.readmodel;

import org.kotaku.portal.dataversion.DataVersion;

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
 * Rolls the pre-aggregated rows of {@link SnapshotRepository} (per village and year, per
 * regency and year) up to districts, regencies, provinces and the nation, and freezes the
 * result into a {@link Snapshot}. Used by one thread at a time; every row is added to at
 * most ten tallies, so a build costs milliseconds on top of the SQL. A builder for a
 * {@link SnapshotPatch} adds every row to its own region only (the village, or the
 * regency or district of a type row); the patch sums the regions above.
 */
final class SnapshotBuilder {

	/**
	 * One village and year of activities, allocations and access (the columns of
	 * village-year.sql, unparsed).
	 */
	record VillageYear(String village, int year, String figures) {
	}

	/** One row of activity-type.sql. */
	record TypeRow(String region, int year, String type, String unit, long count, long completed, long budget,
			long disbursed, BigDecimal volume) {
	}

	private final boolean ownRegionOnly;

	private final Map<String, Map<Integer, Tally>> tallies = new HashMap<>();

	private final Map<String, Map<String, TypeAccumulator>> types = new HashMap<>();

	private final Set<Integer> years = new TreeSet<>();

	private final Map<String, String[]> ancestors = new HashMap<>();

	private List<RegionEntry> regions = List.of();

	/** A builder of a whole snapshot. */
	SnapshotBuilder() {
		this(false);
	}

	/**
	 * With {@code ownRegionOnly}, a builder of the figures of the rows' own regions, for
	 * a {@link SnapshotPatch}.
	 */
	SnapshotBuilder(boolean ownRegionOnly) {
		this.ownRegionOnly = ownRegionOnly;
	}

	void regions(List<RegionEntry> regions) {
		this.regions = regions;
	}

	/** Adds the figures of a village in a year (the tally is only read, never kept). */
	void add(String village, int year, Tally figures) {
		Integer boxed = year; // once per row, not once per lookup
		this.years.add(boxed);
		for (String code : ancestors(village)) {
			tally(code, boxed).addAll(figures, false, true);
			tally(code, 0).addAll(figures, false, false);
		}
	}

	/**
	 * Adds a slum row (slots SLUM_* and LEVEL_* only) of a village in a year (0 = latest
	 * state).
	 */
	void addSlum(String village, int year, Tally slum) {
		if (year != 0) {
			this.years.add(year);
		}
		for (String code : ancestors(village)) {
			tally(code, year).addAll(slum, true, false);
		}
	}

	void add(TypeRow row) {
		List<String> codes = row.region().length() == 5 && !this.ownRegionOnly
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

	Snapshot build(DataVersion version, SlumYears slumYears) {
		List<Integer> yearList = List.copyOf(this.years);
		Map<String, Tally[]> frozen = frozenTallies(yearList);
		Map<String, RegionEntry> byCode = new LinkedHashMap<>();
		Map<String, List<RegionEntry>> children = new HashMap<>();
		for (RegionEntry region : this.regions) {
			byCode.put(region.code(), region);
			children
				.computeIfAbsent(region.parent() == null ? Snapshot.NATIONAL : region.parent(),
						(p) -> new ArrayList<>())
				.add(region);
		}
		children.replaceAll((code, list) -> List.copyOf(list));
		return new Snapshot(version, yearList, byCode, children, frozen, typeFigures(), reporting(frozen, yearList),
				new NameIndex(byCode.values()), slumYears, Snapshot.Origin.BUILT);
	}

	/** The fiscal years of the rows added so far, ascending. */
	Set<Integer> years() {
		return this.years;
	}

	/** The figures of every region rows were added to, frozen for {@code years}. */
	Map<String, Tally[]> frozenTallies(List<Integer> years) {
		Map<String, Tally[]> frozen = new HashMap<>(this.tallies.size() * 2);
		this.tallies.forEach((code, byYear) -> frozen.put(code, freeze(byYear, years)));
		return frozen;
	}

	/** Activities by type per region and period key ({@link Snapshot#typeKey}). */
	Map<String, List<TypeFigures>> typeFigures() {
		Map<String, List<TypeFigures>> figures = new HashMap<>();
		this.types.forEach(
				(key, byType) -> figures.put(key, byType.values().stream().map(TypeAccumulator::figures).toList()));
		return figures;
	}

	/**
	 * The regencies that reported activities, allocations or access figures, per year (0:
	 * in any year): those whose tally of that year counts any.
	 */
	static Map<Integer, Set<String>> reporting(Map<String, Tally[]> tallies, List<Integer> years) {
		int first = years.isEmpty() ? 0 : years.get(0);
		Map<Integer, Set<String>> reporting = new HashMap<>();
		tallies.forEach((code, byYear) -> {
			if (code.length() != 5) {
				return;
			}
			for (int i = 0; i < byYear.length; i++) {
				Tally tally = byYear[i];
				if (tally != null && (tally.hasActivities() || tally.hasAllocations() || tally.hasAccess())) {
					reporting.computeIfAbsent(i == 0 ? 0 : first + i - 1, (y) -> new TreeSet<>()).add(code);
				}
			}
		});
		reporting.replaceAll((year, regencies) -> Set.copyOf(regencies));
		return reporting;
	}

	/**
	 * The figures of a region summed from its children's (frozen for the same years):
	 * what a whole build gives it. Each year's access figures are the children's sums;
	 * those of all years (index 0) come from the latest year that has any. Null when no
	 * child has figures.
	 */
	static Tally[] sum(List<Tally[]> children, List<Integer> years) {
		if (children.isEmpty()) {
			return null;
		}
		Tally[] sum = new Tally[children.get(0).length];
		for (Tally[] child : children) {
			for (int i = 0; i < sum.length; i++) {
				if (child[i] != null) {
					if (sum[i] == null) {
						sum[i] = new Tally();
					}
					sum[i].addAll(child[i], true, i != 0);
				}
			}
		}
		int first = years.isEmpty() ? 0 : years.get(0);
		int latest = 0;
		for (int i = 1; i < sum.length; i++) {
			if (sum[i] != null && sum[i].hasAccess()) {
				sum[i].copyAccess(sum[i], first + i - 1);
				latest = i;
			}
		}
		if (latest > 0 && sum[0] != null) {
			sum[0].copyAccess(sum[latest], first + latest - 1);
		}
		return sum;
	}

	/**
	 * Activities by type summed over regions, by type and unit (what a whole build gives
	 * their parent).
	 */
	static List<TypeFigures> sumTypes(List<List<TypeFigures>> regions) {
		Map<String, TypeAccumulator> byType = new TreeMap<>();
		for (List<TypeFigures> region : regions) {
			for (TypeFigures figures : region) {
				byType.computeIfAbsent(figures.type(), TypeAccumulator::new).add(figures);
			}
		}
		return byType.values().stream().map(TypeAccumulator::figures).toList();
	}

	/**
	 * Index 0: all years (with the latest year's access figures); index i: year first + i
	 * - 1.
	 */
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

	/**
	 * The nation, province, regency, district and village of a village code (made once
	 * per village); the village alone for a patch.
	 */
	private String[] ancestors(String village) {
		return this.ancestors.computeIfAbsent(village, (v) -> this.ownRegionOnly ? new String[] { v }
				: new String[] { Snapshot.NATIONAL, v.substring(0, 2), v.substring(0, 5), v.substring(0, 8), v });
	}

}
