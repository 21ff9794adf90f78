package org.kotaku.portal.opendata;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the data of one dataset say about it at a data version: how many records it has,
 * when its last ingestion batch was committed (null before any), the period its records
 * cover (null where the dataset has no time field or no records) and the bounding box of
 * its geometries, or of all regions for a dataset without geometry (null when there are
 * none).
 */
record DatasetFacts(long recordCount, Instant modified, LocalDate start, LocalDate end, BoundingBox extent) {

	/** A box in EPSG:4326 degrees. */
	record BoundingBox(double west, double south, double east, double north) {

		/** The box as WKT, as DCAT's {@code dcat:bbox} wants it. */
		String wkt() {
			return "POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))".formatted(this.west, this.south, this.east,
					this.south, this.east, this.north, this.west, this.north, this.west, this.south);
		}

	}

}
