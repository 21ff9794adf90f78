package org.kotaku.portal.checks;

import java.time.Instant;
import java.util.List;

/**
 * What one check found at one data version: the number of offending records, the first of
 * them in id order (at most {@link CheckRepository#MAX_IDS}) with their reasons, and when
 * it ran.
 */
record CheckResult(Check check, long count, List<Offender> offenders, Instant checkedAt) {

	/**
	 * One offending record: its id in the check's dataset and, when the check gives one,
	 * why.
	 */
	record Offender(String id, String reason) {
	}

	boolean passed() {
		return this.count == 0;
	}

}
