package org.kotaku.portal.ogc;

import java.util.List;

import org.kotaku.portal.catalog.Dataset;

/**
 * Which OGC API - Features collections publish a catalog dataset, for the catalogs that
 * link to them.
 */
public final class OgcCollections {

	private OgcCollections() {
	}

	/**
	 * The collection ids under {@code /ogc/collections} that publish {@code dataset},
	 * empty when none does.
	 */
	public static List<String> of(Dataset dataset) {
		return OgcCatalog.collectionsOf(dataset);
	}

}
