package org.kotaku.portal.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Every dataset the portal publishes, described once. The list API, OGC API - Features,
 * the CSV, GeoJSON and bulk-file writers, the data dictionary, the table schemas and the
 * DCAT catalog read their fields from here, so they cannot disagree.
 */
public final class Catalog {

	public static final Dataset REGIONS = Regions.DATASET;

	public static final Dataset DECREES = Decrees.DATASET;

	public static final Dataset SLUM_AREAS = SlumAreas.DATASET;

	public static final Dataset ASSESSMENTS = Assessments.DATASET;

	public static final Dataset ASSESSMENT_SCORES = AssessmentScores.DATASET;

	public static final Dataset ACCESS_INDICATORS = AccessIndicators.DATASET;

	public static final Dataset ALLOCATIONS = Allocations.DATASET;

	public static final Dataset DISBURSEMENTS = Disbursements.DATASET;

	public static final Dataset ACTIVITIES = Activities.DATASET;

	/**
	 * The latest assessment of slum area {@code s} (alias {@code s}), as a lateral
	 * subquery.
	 */
	public static final String LATEST_ASSESSMENT = SlumAreas.LATEST_ASSESSMENT;

	/**
	 * The order of assessments (alias {@code a}) newest first: by year, and within a year
	 * final, R0, SK, baseline.
	 */
	public static final String NEWEST_ASSESSMENT_FIRST = Assessments.NEWEST_FIRST;

	private static final List<Dataset> ALL = List.of(REGIONS, DECREES, SLUM_AREAS, ASSESSMENTS, ASSESSMENT_SCORES,
			ACCESS_INDICATORS, ALLOCATIONS, DISBURSEMENTS, ACTIVITIES);

	private Catalog() {
	}

	public static List<Dataset> all() {
		return ALL;
	}

	public static Optional<Dataset> find(String id) {
		return ALL.stream().filter((d) -> d.id().equals(id)).findFirst();
	}

	/**
	 * The data version that last changed a record of table alias {@code alias}: every
	 * dataset's last field.
	 */
	static Field updatedVersion(String alias) {
		return Field
			.integer("updatedVersion", alias + ".updated_version", "Versi data yang terakhir mengubah baris ini.",
					"Data version that last changed the record.")
			.required();
	}

}
