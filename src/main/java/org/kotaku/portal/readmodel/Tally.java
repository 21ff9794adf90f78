package org.kotaku.portal.readmodel;

import java.util.Arrays;

import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.vocabulary.Program;

/**
 * The additive figures of one region in one year (or over all years), in fixed slots:
 * money in whole IDR, areas in centi-hectares (hundredths of a hectare), access
 * percentages as households times percent times 100. Mutable only while a
 * {@link SnapshotBuilder} fills it; read-only once the snapshot is published.
 */
public final class Tally implements java.io.Serializable {

	/** The slots of a tally. */
	public enum Slot {

		ACTIVITIES, PLANNED, ONGOING, COMPLETED, CANCELLED, BUDGET, ACTIVITY_DISBURSED, COST_BPM, COST_APBD, COST_CSR,
		COST_SWADAYA, COST_OTHER, BEN_HOUSEHOLDS, BEN_PEOPLE, BEN_WOMEN, BEN_LOW_INCOME, LAB_WORKERS, LAB_WOMEN,
		LAB_PERSON_DAYS, LAB_WAGES, ALLOCATIONS, PLANNED_BPM_REGULER, PLANNED_PKT, PLANNED_KAWASAN, PLANNED_BDI,
		PLANNED_OTHER, PAID_BPM_REGULER, PAID_PKT, PAID_KAWASAN, PAID_BDI, PAID_OTHER, ACCESS_ROWS, ACCESS_YEAR,
		ACCESS_HOUSEHOLDS, ACCESS_PEOPLE, WATER_WEIGHT, WATER_SUM, SANITATION_WEIGHT, SANITATION_SUM, WASTE_WEIGHT,
		WASTE_SUM, SLUM_AREAS, SLUM_BASELINE_CHA, SLUM_CURRENT_CHA, SLUM_WEIGHTED_CHA, LEVEL_BERAT, LEVEL_SEDANG,
		LEVEL_RINGAN, LEVEL_TIDAK_KUMUH, LEVEL_UNASSESSED;

		static final Slot[] ACCESS = { ACCESS_ROWS, ACCESS_YEAR, ACCESS_HOUSEHOLDS, ACCESS_PEOPLE, WATER_WEIGHT,
				WATER_SUM, SANITATION_WEIGHT, SANITATION_SUM, WASTE_WEIGHT, WASTE_SUM };

	}

	/** Allocation programs, in the order of their PLANNED_* and PAID_* slots. */
	public static final String[] PROGRAMS = Term.codes(Program.class).toArray(String[]::new);

	/** Funding sources of the activity cost split, in the order of their COST_* slots. */
	public static final String[] SOURCES = { "bpm", "apbd", "csr", "swadaya", "other" };

	private static final Slot[] SLOTS = Slot.values();

	private static final int FIRST_ACCESS = Slot.ACCESS_ROWS.ordinal();

	private static final int FIRST_SLUM = Slot.SLUM_AREAS.ordinal();

	private final long[] values = new long[SLOTS.length];

	public long get(Slot slot) {
		return this.values[slot.ordinal()];
	}

	public long planned(int program) {
		return this.values[Slot.PLANNED_BPM_REGULER.ordinal() + program];
	}

	public long paid(int program) {
		return this.values[Slot.PAID_BPM_REGULER.ordinal() + program];
	}

	public long cost(int source) {
		return this.values[Slot.COST_BPM.ordinal() + source];
	}

	/** Allocation ceilings of all programs. */
	public long plannedIdr() {
		long sum = 0;
		for (int p = 0; p < PROGRAMS.length; p++) {
			sum += planned(p);
		}
		return sum;
	}

	/** Disbursed tranches of all programs. */
	public long disbursedIdr() {
		long sum = 0;
		for (int p = 0; p < PROGRAMS.length; p++) {
			sum += paid(p);
		}
		return sum;
	}

	public boolean hasActivities() {
		return get(Slot.ACTIVITIES) > 0;
	}

	public boolean hasAllocations() {
		return get(Slot.ALLOCATIONS) > 0;
	}

	public boolean hasAccess() {
		return get(Slot.ACCESS_ROWS) > 0;
	}

	public boolean hasSlum() {
		return get(Slot.SLUM_AREAS) > 0;
	}

	/** Whether anything at all was reported for this region and period. */
	public boolean hasData() {
		return hasActivities() || hasAllocations() || hasAccess() || hasSlum();
	}

	void clear() {
		Arrays.fill(this.values, 0);
	}

	void add(Slot slot, long value) {
		this.values[slot.ordinal()] += value;
	}

	void addAt(Slot first, int offset, long value) {
		this.values[first.ordinal() + offset] += value;
	}

	/**
	 * Adds another tally's slots: always the activity and money ones, access and slum
	 * ones when asked.
	 */
	void addAll(Tally other, boolean withSlum, boolean withAccess) {
		add(other, 0, FIRST_ACCESS);
		if (withAccess) {
			add(other, FIRST_ACCESS, FIRST_SLUM);
		}
		if (withSlum) {
			add(other, FIRST_SLUM, SLOTS.length);
		}
	}

	private void add(Tally other, int from, int to) {
		for (int i = from; i < to; i++) {
			this.values[i] += other.values[i];
		}
	}

	void copyAccess(Tally from, int year) {
		for (Slot slot : Slot.ACCESS) {
			this.values[slot.ordinal()] = from.values[slot.ordinal()];
		}
		this.values[Slot.ACCESS_YEAR.ordinal()] = year;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Tally tally && Arrays.equals(this.values, tally.values);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.values);
	}

}
