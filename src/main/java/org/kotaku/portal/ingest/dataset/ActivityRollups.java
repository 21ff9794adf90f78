package org.kotaku.portal.ingest.dataset;

import java.util.List;

/**
 * The read model's pre-aggregates of activities ({@code activity_rollup},
 * {@code activity_village_year}; see migration V55): the end-of-merge statements of an
 * activities batch that recompute the rows of every village the batch touched, from the
 * canonical activity rows, inside the batch's transaction.
 */
final class ActivityRollups {

	/**
	 * Adds the villages of a replace batch's scope that had activities (their unlisted
	 * activities were deleted), then recomputes the touched villages; runs after
	 * {@code touched_village} is complete.
	 */
	static final List<String> AFTER_MERGE = List.of("""
			insert into touched_village select distinct g.village_code from activity_village_year g where :in_scope""",
			"select kotaku_refresh_activity_rollups()");

	private ActivityRollups() {
	}

}
