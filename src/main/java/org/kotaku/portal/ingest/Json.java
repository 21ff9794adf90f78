package org.kotaku.portal.ingest;

import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper ingestion uses for small values it writes itself (nested rows staged as jsonb). */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

}
