package org.kotaku.portal.ogc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The queryables of a collection as a JSON Schema (OGC API - Features Part 3,
 * /req/queryables): each property that {@code /items} filters on, with its type and, for
 * closed vocabularies, its allowed values.
 */
final class QueryablesSchema {

	private QueryablesSchema() {
	}

	static Map<String, Object> of(OgcCollection collection, String self) {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (Queryable q : collection.queryables()) {
			Map<String, Object> property = new LinkedHashMap<>();
			property.put("title", q.title());
			property.put("type", q.kind().jsonType);
			if (!q.values().isEmpty()) {
				property.put("enum", q.values());
			}
			properties.put(q.name(), property);
		}
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
		schema.put("$id", self);
		schema.put("type", "object");
		schema.put("title", collection.title());
		schema.put("properties", properties);
		schema.put("additionalProperties", false);
		return schema;
	}

}
