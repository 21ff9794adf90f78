package org.kotaku.portal.bulk;

import org.kotaku.portal.catalog.Dataset;

/** The kinds of bulk file, with their names, media types and compression. */
enum BulkFormat {

	CSV("csv", "text/csv", ".csv.gz"), GEOJSON("geojson", "application/geo+json", ".geojson.gz"),
	DELTA("ndjson", "application/x-ndjson", ".delta.ndjson.gz"),
	GEOPACKAGE("gpkg", "application/geopackage+sqlite3", ".gpkg");

	static final String GZIP = "gzip";

	private final String format;

	private final String mediaType;

	private final String suffix;

	BulkFormat(String format, String mediaType, String suffix) {
		this.format = format;
		this.mediaType = mediaType;
		this.suffix = suffix;
	}

	String format() {
		return this.format;
	}

	String mediaType() {
		return this.mediaType;
	}

	/**
	 * {@code gzip}, or null for a GeoPackage (an SQLite file is read in place, not
	 * streamed).
	 */
	String compression() {
		return this == GEOPACKAGE ? null : GZIP;
	}

	/** The file name of {@code dataset} in this format: {@code activities.csv.gz}. */
	String fileName(Dataset dataset) {
		return dataset.id() + this.suffix;
	}

}
