package org.kotaku.portal.readmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.kotaku.portal.dataversion.DataVersion;

/**
 * A new snapshot from the previous one and the re-read figures of the villages that
 * changed since (the read model's change log, migration V56): those villages get their
 * new figures, the districts, regencies, provinces and nation above them are summed anew
 * from their children, the activity types of their regencies are replaced and those of
 * the provinces and the nation summed anew. Everything else is shared with the previous
 * snapshot, so a refresh after a small batch allocates kilobytes instead of a whole new
 * snapshot. The result holds exactly the figures a whole build would give
 * (ReadModelPatchIntegrationTests checks it).
 */
final class SnapshotPatch {

	private final Snapshot previous;

	private final Set<String> villages;

	private final SnapshotBuilder rows;

	private final List<Integer> years;

	private Map<String, Tally[]> tallies;

	/**
	 * Parents that change (nation, provinces, regencies, districts of the villages) and
	 * their children's codes.
	 */
	private final Map<String, Set<String>> children = new HashMap<>();

	/**
	 * @param villages every village that changed
	 * @param rows the rows of those villages (and the type rows of their regencies),
	 * added to their own regions
	 */
	SnapshotPatch(Snapshot previous, Set<String> villages, SnapshotBuilder rows) {
		this.previous = previous;
		this.villages = villages;
		this.rows = rows;
		this.years = previous.years();
	}

	/**
	 * The patched snapshot, or empty when only a whole build can give the right figures:
	 * a year appeared or lost its last figures (every region's figures are indexed by
	 * year), or the slum years moved.
	 */
	Optional<Snapshot> apply(DataVersion version, SlumYears slumYears) {
		if (!slumYears.equals(this.previous.slumYears()) || !this.years.containsAll(this.rows.years())) {
			return Optional.empty();
		}
		this.tallies = new HashMap<>(this.previous.tallies());
		Map<String, Tally[]> fresh = this.rows.frozenTallies(this.years);
		for (String village : this.villages) {
			put(village, fresh.get(village));
			for (String code = parent(village); code != null; code = parent(code)) {
				this.children.computeIfAbsent(code, (c) -> new TreeSet<>());
			}
		}
		indexChildren();
		for (int length : new int[] { 8, 5, 2, 0 }) {
			for (String code : List.copyOf(this.children.keySet())) {
				if (code.length() == length) {
					put(code, FrozenFigures.sum(childTallies(code), this.years));
				}
			}
		}
		if (!everyYearHasFigures()) {
			return Optional.empty();
		}
		return Optional.of(this.previous.patched(version, this.tallies, types(),
				FrozenFigures.reporting(this.tallies, this.years)));
	}

	/**
	 * Lists the children of every changing parent: the regions with figures and the
	 * changing regions below it.
	 */
	private void indexChildren() {
		for (String code : this.tallies.keySet()) {
			addChild(code);
		}
		for (String code : List.copyOf(this.children.keySet())) {
			addChild(code);
		}
	}

	private void addChild(String code) {
		String parent = parent(code);
		Set<String> siblings = parent == null ? null : this.children.get(parent);
		if (siblings != null) {
			siblings.add(code);
		}
	}

	private List<Tally[]> childTallies(String code) {
		List<Tally[]> list = new ArrayList<>();
		for (String child : this.children.get(code)) {
			Tally[] tallies = this.tallies.get(child);
			if (tallies != null) {
				list.add(tallies);
			}
		}
		return list;
	}

	private void put(String code, Tally[] figures) {
		if (figures == null) {
			this.tallies.remove(code);
		}
		else {
			this.tallies.put(code, figures);
		}
	}

	private boolean everyYearHasFigures() {
		Tally[] national = this.tallies.get(Snapshot.NATIONAL);
		if (national == null) {
			return this.years.isEmpty();
		}
		for (int i = 1; i < national.length; i++) {
			if (national[i] == null) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The activity types: those of the changed villages' regencies and their districts as
	 * read again, those of their provinces and the nation summed anew from the regencies.
	 */
	private Map<String, List<TypeFigures>> types() {
		Map<String, List<TypeFigures>> types = new HashMap<>(this.previous.typeFigures());
		Set<String> regencies = new HashSet<>();
		this.villages.forEach((village) -> regencies.add(village.substring(0, 5)));
		types.keySet().removeIf((key) -> regencies.contains(regencyOfKey(key)));
		types.putAll(this.rows.typeFigures());
		List<Integer> periods = new ArrayList<>(this.years);
		periods.add(0);
		for (int length : new int[] { 2, 0 }) {
			for (String code : this.children.keySet()) {
				if (code.length() == length) {
					for (int year : periods) {
						sumTypes(types, code, year);
					}
				}
			}
		}
		return types;
	}

	private void sumTypes(Map<String, List<TypeFigures>> types, String code, int year) {
		List<List<TypeFigures>> parts = new ArrayList<>();
		for (String child : this.children.get(code)) {
			List<TypeFigures> figures = types.get(Snapshot.typeKey(child, year));
			if (figures != null) {
				parts.add(figures);
			}
		}
		String key = Snapshot.typeKey(code, year);
		if (parts.isEmpty()) {
			types.remove(key);
		}
		else {
			types.put(key, FrozenFigures.sumTypes(parts));
		}
	}

	/**
	 * The regency of a type key of a regency or district ("64.71@2021", "64.71.02@0"),
	 * else null.
	 */
	private static String regencyOfKey(String key) {
		int at = key.lastIndexOf('@');
		return at >= 5 ? key.substring(0, 5) : null;
	}

	/**
	 * The region directly above a code (the nation above provinces), null above the
	 * nation.
	 */
	static String parent(String code) {
		return switch (code.length()) {
			case 0 -> null;
			case 2 -> Snapshot.NATIONAL;
			case 5 -> code.substring(0, 2);
			case 8 -> code.substring(0, 5);
			default -> code.substring(0, 8);
		};
	}

}
