package org.kotaku.portal.bulk;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Which bulk files exist: the catalogs ({@code /api/v1/datasets}, DCAT, the data package)
 * list them from here.
 */
@Component
public class Downloads {

	/** The list of versions that have bulk files. */
	public static final String INDEX = BulkStore.DOWNLOADS;

	private final BulkStore store;

	Downloads(BulkStore store) {
		this.store = store;
	}

	/**
	 * The files of {@code datasetId} in the newest version on disk (whole files first,
	 * then the delta).
	 */
	public List<Download> of(String datasetId) {
		return this.store.latest()
			.map((m) -> m.files().stream().filter((d) -> d.dataset().equals(datasetId)).toList())
			.orElse(List.of());
	}

	/** The newest data version that has bulk files. */
	public Optional<Long> latestVersion() {
		return this.store.latest().map(Manifest::version);
	}

	/**
	 * The address of the newest manifest, which lists every file with its size and
	 * SHA-256.
	 */
	public static String latestManifest() {
		return BulkStore.DOWNLOADS + "/latest/" + Manifest.FILE;
	}

}
