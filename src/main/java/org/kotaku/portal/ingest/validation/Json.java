package org.kotaku.portal.ingest.validation;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper ingestion uses for small values it writes itself (nested rows
 * staged as jsonb).
 */
public final class Json {

	public static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	public static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

}
