package org.kotaku.portal.readmodel;

import org.kotaku.portal.dataversion.DataVersion;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
		return new Snapshot(version, yearList, byCode, children, frozen, typeFigures(),
				FrozenFigures.reporting(frozen, yearList), new NameIndex(byCode.values()), slumYears,
				Snapshot.Origin.BUILT);
	}

	/** The fiscal years of the rows added so far, ascending. */
	Set<Integer> years() {
		return this.years;
	}

	/** The figures of every region rows were added to, frozen for {@code years}. */
	Map<String, Tally[]> frozenTallies(List<Integer> years) {
		Map<String, Tally[]> frozen = new HashMap<>(this.tallies.size() * 2);
		this.tallies.forEach((code, byYear) -> frozen.put(code, FrozenFigures.freeze(byYear, years)));
		return frozen;
	}

	/** Activities by type per region and period key ({@link Snapshot#typeKey}). */
	Map<String, List<TypeFigures>> typeFigures() {
		Map<String, List<TypeFigures>> figures = new HashMap<>();
		this.types.forEach(
				(key, byType) -> figures.put(key, byType.values().stream().map(TypeAccumulator::figures).toList()));
		return figures;
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
