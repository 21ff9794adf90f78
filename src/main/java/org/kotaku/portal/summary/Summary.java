package org.kotaku.portal.summary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * National headline figures. Slum reduction is given twice and never mixed: {@code officialReducedHa} is the
 * area of slum areas whose latest assessment is tidak kumuh (the program's KPI); {@code weightedReducedHa} is
 * area times handling contribution (fall of the mean criterion percentage since baseline).
 */
public record Summary(String dataset, long dataVersion, Instant asOf, Slum slum, Money money,
		Activities activities) {

	public record Slum(long areas, BigDecimal baselineHa, BigDecimal currentHa, BigDecimal officialReducedHa,
			BigDecimal officialReducedPct, BigDecimal weightedReducedHa, Map<String, Long> areasByLevel) {
	}

	public record Money(long plannedIdr, long disbursedIdr, BigDecimal disbursementRate, long activityBudgetIdr) {
	}

	public record Activities(long total, Map<String, Long> byStatus) {
	}

}
