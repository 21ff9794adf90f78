package org.kotaku.portal.opendata;

import java.util.List;

import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.ogc.OgcCollections;

/** Where a dataset is served besides its list API: the catalogs link these. */
final class OpenDataLinks {

	private OpenDataLinks() {
	}

	/**
	 * Whether the dataset's API path is a list API (filters, paging,
	 * {@code format=csv|geojson}, {@code limit=all}); the regions' path is the region
	 * search and profiles instead.
	 */
	static boolean hasListing(Dataset dataset) {
		return dataset != Catalog.REGIONS;
	}

	static List<String> ogcCollections(Dataset dataset) {
		return OgcCollections.of(dataset);
	}

}
