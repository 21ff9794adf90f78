package org.kotaku.portal.ingest.keys;

import java.util.Set;

import org.kotaku.portal.ingest.dataset.Dataset;

/**
 * A live API key of one source system and the datasets it may write; the key itself is
 * never kept.
 */
public record ApiKey(long id, String source, Set<Dataset> datasets) {

	public boolean mayWrite(Dataset dataset) {
		return this.datasets.contains(dataset);
	}

}
