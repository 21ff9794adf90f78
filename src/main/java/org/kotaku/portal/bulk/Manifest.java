package org.kotaku.portal.bulk;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one data version's folder holds, written last as {@code manifest.json}: a folder without it is not
 * complete and is never served.
 *
 * @param version the data version the files were read at
 * @param previousVersion the version the deltas start from (the one generated before), null for the first
 * @param dataset {@code kotaku} or {@code demo-synthetic}
 * @param asOf when that version was committed
 * @param generatedAt when the files were written
 * @param licence the licence of the data (the same member as every API answer)
 * @param files the files, in catalog order
 */
record Manifest(long version, Long previousVersion, String dataset, Instant asOf, Instant generatedAt,
		Map<String, Object> licence, List<Download> files) {

	static final String FILE = "manifest.json";

	/** The licence text file beside the data files. */
	static final String LICENCE_FILE = "LICENCE.txt";

	boolean holds(String file) {
		return file.equals(FILE) || file.equals(LICENCE_FILE) || this.files.stream().anyMatch((f) -> f.file().equals(file));
	}

}
