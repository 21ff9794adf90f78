package org.kotaku.portal.listing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kotaku.portal.dataversion.DataVersion;

/**
 * What a representation says around its rows: the data version, links ({@code self},
 * {@code next} when there is a further page, {@code describedBy} the data dictionary),
 * and the count of matching rows when asked for.
 */
record Envelope(DataVersion version, List<String> columns, String self, String next, Long count,
		ListQuery.Count countKind, boolean bom) {

	/** Where every published field is described. */
	static final String DATA_DICTIONARY = "/docs/data-dictionary.md";

	Map<String, Object> links() {
		Map<String, Object> links = new LinkedHashMap<>();
		links.put("self", this.self);
		links.put("next", this.next);
		links.put("describedBy", DATA_DICTIONARY);
		return links;
	}

	Map<String, Object> head() {
		Map<String, Object> head = new LinkedHashMap<>();
		head.put("dataset", this.version.dataset());
		head.put("dataVersion", this.version.version());
		head.put("asOf", this.version.asOf());
		if (this.count != null) {
			head.put("count", this.count);
			head.put("countKind", this.countKind.name().toLowerCase());
		}
		return head;
	}

	/**
	 * {@link #head()} followed by the {@code licence} member (JSON and GeoJSON write it;
	 * CSV has no envelope).
	 */
	Map<String, Object> head(Map<String, Object> licence) {
		Map<String, Object> head = head();
		head.put("licence", licence);
		return head;
	}

}
