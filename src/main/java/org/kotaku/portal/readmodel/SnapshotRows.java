package org.kotaku.portal.readmodel;

import java.math.BigDecimal;
import java.util.Arrays;

import io.r2dbc.spi.Readable;

import org.kotaku.portal.readmodel.SnapshotBuilder.TypeRow;
import org.kotaku.portal.readmodel.SnapshotBuilder.VillageYear;
import org.kotaku.portal.readmodel.Tally.Slot;

/**
 * The rows of the read model's queries as the {@link SnapshotBuilder} takes them:
 * regions, village-year and slum-year tallies, activity types. Figures travel as one
 * comma-separated text per row ({@code array_to_string(..., ',', '')}, an empty item a
 * null), in the order of the slot lists here, which is the order of the columns in the
 * SQL files.
 */
final class SnapshotRows {

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

	private SnapshotRows() {
	}

	static RegionEntry region(Readable row) {
		return new RegionEntry(row.get("code", String.class), row.get("name", String.class), (int) number(row, "level"),
				row.get("type", String.class), row.get("parent_code", String.class), row.get("lon", Double.class),
				row.get("lat", Double.class), box(row));
	}

	private static RegionEntry.Box box(Readable row) {
		Double west = row.get("west", Double.class);
		return west == null ? null : new RegionEntry.Box(west, row.get("south", Double.class),
				row.get("east", Double.class), row.get("north", Double.class));
	}

	static VillageYear villageYear(Readable row) {
		return new VillageYear(row.get("village", String.class), (int) number(row.get("year")),
				row.get("figures", String.class));
	}

	/**
	 * Turns the figures of village-year rows into a tally, always the same one (and the
	 * same parse buffer): the builder only adds it to others, and 100,000 rows per
	 * refresh then leave no garbage behind, which keeps the collector's pauses (felt by
	 * every request in flight) short while a refresh runs. One per refresh; used by one
	 * thread.
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

	static Object[] slum(Readable row) {
		long[] figures = figures(row.get("figures", String.class));
		Tally tally = new Tally();
		for (int i = 0; i < SLUM_SLOTS.length; i++) {
			tally.add(SLUM_SLOTS[i], number(figures[i]));
		}
		return new Object[] { row.get("village", String.class), (int) number(row.get("year")), tally };
	}

	static TypeRow typeRow(Readable row) {
		boolean allYears = Boolean.TRUE.equals(row.get("all_years", Boolean.class));
		long[] f = figures(row.get("figures", String.class));
		return new TypeRow(row.get("region", String.class), allYears ? 0 : (int) number(row.get("year")),
				row.get("type", String.class), row.get("unit", String.class), number(f[0]), number(f[1]), number(f[2]),
				number(f[3]), BigDecimal.valueOf(number(f[4]), 2));
	}

	/** Marks a null in a figures list. */
	private static final long NULL = Long.MIN_VALUE;

	/**
	 * Parses the comma-separated figures of a row
	 * ({@code array_to_string(..., ',', '')}); empty = null.
	 */
	static long[] figures(String text) {
		long[] values = new long[text.length() + 1];
		return Arrays.copyOf(values, figures(text, values));
	}

	/**
	 * Parses the figures into {@code values} (large enough); returns how many there were.
	 */
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

	static long number(Readable row, String column) {
		return number(row.get(column));
	}

	private static long number(Object value) {
		return value == null ? 0 : ((Number) value).longValue();
	}

}
