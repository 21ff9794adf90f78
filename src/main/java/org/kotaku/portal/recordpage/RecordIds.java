package org.kotaku.portal.recordpage;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.catalog.Dataset;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * The id of the record a page's path names ({@code /kegiatan/{id}}), checked as ingestion
 * checks ids: 1 to 100 characters, none of them a control character. Anything else cannot
 * name a record: a 400, not a search.
 */
public final class RecordIds {

	/**
	 * The longest id ingestion accepts (and the canonical tables' check constraints
	 * allow).
	 */
	public static final int MAX_LENGTH = 100;

	private RecordIds() {
	}

	public static String of(ServerRequest request, Dataset dataset) {
		String id = request.pathVariable("id");
		if (id.isBlank() || id.length() > MAX_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
			throw PortalException.invalidParameter("id", "The " + dataset.recordName() + " id must have 1 to "
					+ MAX_LENGTH + " characters and no control characters.");
		}
		return id;
	}

}
