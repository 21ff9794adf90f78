package org.kotaku.portal.readmodel;

import java.math.BigDecimal;
import java.util.List;

/**
 * Activities of one type in one region and period: how many, how many completed, their
 * budget and disbursed IDR, and their outputs per unit (e.g. metres of drainage).
 */
public record TypeFigures(String type, long count, long completed, long budgetIdr, long disbursedIdr,
		List<Output> outputs) implements java.io.Serializable {

	/** The total output volume of one unit. */
	public record Output(String unit, BigDecimal volume) implements java.io.Serializable {
	}

}
