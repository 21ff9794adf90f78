package org.kotaku.portal.readmodel;

import org.kotaku.portal.dataversion.DataVersion;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One immutable, complete picture of every aggregate the public API serves, built from
 * one consistent database state ({@link #version()}). Figures are kept per region code
 * ({@code ""} = national) and fiscal year ({@code 0} = all years; slum and access figures
 * of year 0 are the latest state). Regions nobody reported for have no tally: "no data
 * yet", never zero.
 */
public final class Snapshot implements java.io.Serializable {

	/** The code of the nation in figure lookups. */
	public static final String NATIONAL = "";

	private final DataVersion version;

	private final List<Integer> years;

	private final Map<String, RegionEntry> regions;

	private final Map<String, List<RegionEntry>> children;

	private final Map<String, Tally[]> tallies;

	private final Map<String, List<TypeFigures>> types;

	private final Map<Integer, Set<String>> reportingRegencies;

	private final NameIndex names;

	private final SlumYears slumYears;

	/**
	 * How this snapshot came to be; not kept on disk (a snapshot read back is
	 * {@link Origin#RESTORED}).
	 */
	private final transient Origin origin;

	/** How a snapshot came to be. */
	enum Origin {

		/** Built whole from the database. */
		BUILT,
		/** Patched from the one before with the figures of the regions that changed. */
		PATCHED,
		/** Read back from the {@link SnapshotStore} at start-up. */
		RESTORED

	}

	Snapshot(DataVersion version, List<Integer> years, Map<String, RegionEntry> regions,
			Map<String, List<RegionEntry>> children, Map<String, Tally[]> tallies, Map<String, List<TypeFigures>> types,
			Map<Integer, Set<String>> reportingRegencies, NameIndex names, SlumYears slumYears, Origin origin) {
		this.version = version;
		this.years = List.copyOf(years);
		this.regions = regions;
		this.children = children;
		this.tallies = tallies;
		this.types = types;
		this.reportingRegencies = reportingRegencies;
		this.names = names;
		this.slumYears = slumYears;
		this.origin = origin;
	}

	/**
	 * The same figures with new ones for some regions (a {@link SnapshotPatch}):
	 * everything else, the regions and their name index included, is shared with this
	 * snapshot.
	 */
	Snapshot patched(DataVersion version, Map<String, Tally[]> tallies, Map<String, List<TypeFigures>> types,
			Map<Integer, Set<String>> reportingRegencies) {
		return new Snapshot(version, this.years, this.regions, this.children, tallies, types, reportingRegencies,
				this.names, this.slumYears, Origin.PATCHED);
	}

	/** Deserialisation's result: the same figures, marked as read back. */
	@java.io.Serial
	private Object readResolve() {
		return new Snapshot(this.version, this.years, this.regions, this.children, this.tallies, this.types,
				this.reportingRegencies, this.names, this.slumYears, Origin.RESTORED);
	}

	Origin origin() {
		return this.origin;
	}

	public DataVersion version() {
		return this.version;
	}

	/** The fiscal years that have any data, ascending. */
	public List<Integer> years() {
		return this.years;
	}

	public Optional<RegionEntry> region(String code) {
		return Optional.ofNullable(this.regions.get(code));
	}

	/** The regions directly below a region ({@code ""}: the provinces), by code. */
	public List<RegionEntry> children(String code) {
		return this.children.getOrDefault(code, List.of());
	}

	/**
	 * The regions of {@code level} at or below {@code parent} ({@code ""}: the nation),
	 * by code.
	 */
	public List<RegionEntry> regionsAt(String parent, int level) {
		List<RegionEntry> current = children(parent);
		while (!current.isEmpty() && current.get(0).level() < level) {
			current = current.stream().flatMap((r) -> children(r.code()).stream()).toList();
		}
		return current;
	}

	/**
	 * The figures of a region ({@code ""} = national) in a year ({@code 0} = all years);
	 * empty = no data.
	 */
	public Optional<Tally> tally(String code, int year) {
		Tally[] byYear = this.tallies.get(code);
		int index = year == 0 ? 0 : year - firstYear() + 1;
		if (byYear == null || index < 0 || index >= byYear.length || byYear[index] == null) {
			return Optional.empty();
		}
		return Optional.of(byYear[index]);
	}

	/**
	 * Activities by type of a region and year, where {@link #keepsTypes} (else empty);
	 * empty too where nothing was reported.
	 */
	public List<TypeFigures> types(String code, int year) {
		return this.types.getOrDefault(typeKey(code, year), List.of());
	}

	/**
	 * Whether snapshots keep the activities by type of a region in a year (0: all years):
	 * of the nation, provinces and regencies in every year, of districts over all years
	 * only, of no village (which bounds their memory at national scale; the others are
	 * read from the database).
	 */
	public static boolean keepsTypes(String code, int year) {
		return code.length() <= 5 || (code.length() <= 8 && year == 0);
	}

	/**
	 * Whether anything was ever reported for the region (for regencies: it is in the
	 * program).
	 */
	public boolean inProgram(String code) {
		return tally(code, 0).map(Tally::hasData).orElse(false);
	}

	/**
	 * How many regencies at or below {@code code} reported anything in {@code year} (0:
	 * in any year).
	 */
	public int regenciesReporting(String code, int year) {
		Set<String> regencies = this.reportingRegencies.getOrDefault(year, Set.of());
		if (code.isEmpty()) {
			return regencies.size();
		}
		String regency = code.length() > 5 ? code.substring(0, 5) : code;
		return (int) regencies.stream().filter((r) -> r.startsWith(regency)).count();
	}

	/** Regions whose name matches a free-text query, best first. */
	public List<RegionEntry> search(String query, int limit) {
		return this.names.search(query, limit, this::inProgram);
	}

	/** The regions from the province down to the parent of {@code code}. */
	public List<RegionEntry> path(String code) {
		List<RegionEntry> path = new java.util.ArrayList<>();
		RegionEntry entry = this.regions.get(code);
		while (entry != null && entry.parent() != null) {
			entry = this.regions.get(entry.parent());
			if (entry != null) {
				path.add(0, entry);
			}
		}
		return path;
	}

	/**
	 * Every region's figures by code (shared by the snapshots a patch makes: never to be
	 * changed).
	 */
	Map<String, Tally[]> tallies() {
		return this.tallies;
	}

	/** Activities by type by {@link #typeKey} (shared like {@link #tallies()}). */
	Map<String, List<TypeFigures>> typeFigures() {
		return this.types;
	}

	SlumYears slumYears() {
		return this.slumYears;
	}

	/** Whether another snapshot holds exactly the same figures (whatever its version). */
	boolean sameFigures(Snapshot other) {
		return this.years.equals(other.years) && this.slumYears.equals(other.slumYears)
				&& this.reportingRegencies.equals(other.reportingRegencies) && this.types.equals(other.types)
				&& this.tallies.size() == other.tallies.size()
				&& this.tallies.entrySet()
					.stream()
					.allMatch((e) -> java.util.Arrays.equals(e.getValue(), other.tallies.get(e.getKey())));
	}

	int firstYear() {
		return this.years.isEmpty() ? 0 : this.years.get(0);
	}

	static String typeKey(String code, int year) {
		return code + "@" + year;
	}

}
