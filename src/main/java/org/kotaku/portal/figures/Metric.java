package org.kotaku.portal.figures;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.kotaku.portal.readmodel.Tally;
import org.kotaku.portal.readmodel.Tally.Slot;

/**
 * The figures one value per region can be shown for (choropleths, rankings), with their
 * unit. A value is null when the region has no data for it: "no data yet", never zero.
 */
public enum Metric {

	SLUM_REDUCED_HA("ha",
			(t) -> t.hasSlum() ? Numbers.hectares(t.get(Slot.SLUM_BASELINE_CHA) - t.get(Slot.SLUM_CURRENT_CHA)) : null),
	SLUM_REDUCED_PCT("percent",
			(t) -> t.hasSlum() ? Numbers.percent(t.get(Slot.SLUM_BASELINE_CHA) - t.get(Slot.SLUM_CURRENT_CHA),
					t.get(Slot.SLUM_BASELINE_CHA)) : null),
	WEIGHTED_REDUCED_HA("ha", (t) -> t.hasSlum() ? Numbers.hectares(t.get(Slot.SLUM_WEIGHTED_CHA)) : null),
	CURRENT_SLUM_HA("ha", (t) -> t.hasSlum() ? Numbers.hectares(t.get(Slot.SLUM_CURRENT_CHA)) : null),
	PLANNED_IDR("IDR", (t) -> t.hasAllocations() ? BigDecimal.valueOf(t.plannedIdr()) : null),
	DISBURSED_IDR("IDR", (t) -> t.hasAllocations() ? BigDecimal.valueOf(t.disbursedIdr()) : null),
	DISBURSEMENT_RATE("ratio", (t) -> t.hasAllocations() ? Numbers.rate(t.disbursedIdr(), t.plannedIdr()) : null),
	IDR_PER_HA_REDUCED("IDR/ha", Metric::idrPerHectareReduced),
	ACTIVITIES_COMPLETED("count", (t) -> t.hasActivities() ? BigDecimal.valueOf(t.get(Slot.COMPLETED)) : null),
	SAFE_WATER_PCT("percent", (t) -> Numbers.weightedPercent(t.get(Slot.WATER_SUM), t.get(Slot.WATER_WEIGHT))),
	SANITATION_PCT("percent",
			(t) -> Numbers.weightedPercent(t.get(Slot.SANITATION_SUM), t.get(Slot.SANITATION_WEIGHT))),
	PADAT_KARYA_WAGES_IDR("IDR", (t) -> t.hasActivities() ? BigDecimal.valueOf(t.get(Slot.LAB_WAGES)) : null);

	private final String unit;

	private final Function<Tally, BigDecimal> value;

	Metric(String unit, Function<Tally, BigDecimal> value) {
		this.unit = unit;
		this.value = value;
	}

	/** The name used in the API, e.g. {@code slum_reduced_pct}. */
	public String apiName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String unit() {
		return this.unit;
	}

	public BigDecimal of(Tally tally) {
		return tally == null ? null : this.value.apply(tally);
	}

	static List<String> apiNames() {
		return Arrays.stream(values()).map(Metric::apiName).toList();
	}

	/**
	 * Disbursed IDR per hectare of official reduction, whole rupiah; null without
	 * reduction.
	 */
	private static BigDecimal idrPerHectareReduced(Tally t) {
		long reducedCha = t.get(Slot.SLUM_BASELINE_CHA) - t.get(Slot.SLUM_CURRENT_CHA);
		if (!t.hasAllocations() || reducedCha <= 0) {
			return null;
		}
		return BigDecimal.valueOf(t.disbursedIdr())
			.multiply(BigDecimal.valueOf(100))
			.divide(BigDecimal.valueOf(reducedCha), 0, java.math.RoundingMode.HALF_UP);
	}

}
