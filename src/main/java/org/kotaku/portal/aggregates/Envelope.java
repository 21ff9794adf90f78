package org.kotaku.portal.aggregates;

import java.util.LinkedHashMap;
import java.util.Map;

import org.kotaku.portal.dataversion.DataVersion;
import org.kotaku.portal.licence.Licence;
import org.kotaku.portal.readmodel.RegionEntry;
import org.kotaku.portal.readmodel.Snapshot;

/**
 * The members every answer from the read model starts with: dataset, dataVersion, asOf,
 * licence.
 */
final class Envelope {

	private Envelope() {
	}

	static Map<String, Object> of(Snapshot snapshot, Licence licence) {
		return of(snapshot.version(), licence);
	}

	/** The same for an answer read from the database at {@code version}. */
	static Map<String, Object> of(DataVersion version, Licence licence) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("dataset", version.dataset());
		body.put("dataVersion", version.version());
		body.put("asOf", version.asOf());
		body.put("licence", licence.member());
		return body;
	}

	/** A region as a short reference: code, name, level, type; null for the nation. */
	static Map<String, Object> region(Snapshot snapshot, String code) {
		if (code.isEmpty()) {
			return null;
		}
		RegionEntry entry = snapshot.region(code).orElseThrow();
		Map<String, Object> region = new LinkedHashMap<>();
		region.put("code", entry.code());
		region.put("name", entry.name());
		region.put("level", entry.level());
		region.put("type", entry.type());
		return region;
	}

}
