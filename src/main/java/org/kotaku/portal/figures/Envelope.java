package org.kotaku.portal.figures;

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
public final class Envelope {

	private Envelope() {
	}

	public static Map<String, Object> of(Snapshot snapshot, Licence licence) {
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

	/** A region as a short reference. */
	public record RegionRef(String code, String name, int level, String type) {

		static RegionRef of(RegionEntry entry) {
			return new RegionRef(entry.code(), entry.name(), entry.level(), entry.type());
		}

	}

	/** A region as a short reference: code, name, level, type; null for the nation. */
	public static RegionRef region(Snapshot snapshot, String code) {
		return code.isEmpty() ? null : RegionRef.of(snapshot.region(code).orElseThrow());
	}

}
