package org.kotaku.portal.bulk;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one data version's folder holds, written last as {@code manifest.json}: a folder
 * without it is not complete and is never served.
 *
 * @param version the data version the files were read at
 * @param previousVersion the version the deltas start from (the one generated before),
 * null for the first
 * @param dataset {@code kotaku} or {@code demo-synthetic}
 * @param asOf when that version was committed
 * @param generatedAt when the files were written
 * @param licence the licence of the data (the same member as every API answer)
 * @param files the files, in catalog order
 * @param layout which set of files the generator wrote ({@link #LAYOUT}); null in
 * manifests written before it existed
 */
record Manifest(long version, Long previousVersion, String dataset, Instant asOf, Instant generatedAt,
		Map<String, Object> licence, List<Download> files, Integer layout) {

	/**
	 * The set of files this build writes per version: 1 CSV, GeoJSON and deltas, 2 with
	 * GeoPackages. A newer build writes the newest version's files again when they are of
	 * an older layout (the files both layouts have come out byte for byte the same: same
	 * rows, gzip without a timestamp), so a deployment does not wait for an ingestion.
	 */
	static final int LAYOUT = 2;

	static final String FILE = "manifest.json";

	/** The licence text file beside the data files. */
	static final String LICENCE_FILE = "LICENCE.txt";

	boolean isCurrentLayout() {
		return this.layout != null && this.layout >= LAYOUT;
	}

	boolean holds(String file) {
		return file.equals(FILE) || file.equals(LICENCE_FILE)
				|| this.files.stream().anyMatch((f) -> f.file().equals(file));
	}

}
