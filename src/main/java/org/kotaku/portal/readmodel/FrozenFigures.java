package org.kotaku.portal.readmodel;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one owner of how a region's figures are frozen per year, and of what can be
 * computed from frozen figures alone: an array of {@link Tally} whose index 0 holds all
 * years (with the access figures of the latest year that has any) and index i the year
 * {@code first + i - 1}. A whole build ({@link SnapshotBuilder}) freezes what it summed;
 * a patch ({@link SnapshotPatch}) sums the frozen figures of children, and both give a
 * region the same figures.
 */
final class FrozenFigures {

	private FrozenFigures() {
	}

	/**
	 * Index 0: all years (with the latest year's access figures); index i: year first + i
	 * - 1.
	 */
	static Tally[] freeze(Map<Integer, Tally> byYear, List<Integer> years) {
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

}
