package org.kotaku.portal.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Turns tally slots into the published units: hectares from centi-hectares, percentages,
 * rates.
 */
final class Numbers {

	private Numbers() {
	}

	static BigDecimal hectares(long centiHectares) {
		return BigDecimal.valueOf(centiHectares, 2);
	}

	/** {@code part / whole * 100} with one decimal; null when {@code whole} is 0. */
	static BigDecimal percent(long part, long whole) {
		return whole == 0 ? null
				: BigDecimal.valueOf(part)
					.multiply(BigDecimal.valueOf(100))
					.divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

	/** {@code part / whole} with four decimals; null when {@code whole} is 0. */
	static BigDecimal rate(long part, long whole) {
		return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
	}

	/**
	 * A household-weighted mean percentage (sum of weight x percent x 100), one decimal;
	 * null without weight.
	 */
	static BigDecimal weightedPercent(long sum, long weight) {
		return weight == 0 ? null : BigDecimal.valueOf(sum)
			.divide(BigDecimal.valueOf(weight).multiply(BigDecimal.valueOf(100)), 1, RoundingMode.HALF_UP);
	}

}
