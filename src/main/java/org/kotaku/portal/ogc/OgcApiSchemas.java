package org.kotaku.portal.ogc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters and schemas of the OGC API definition ({@link OgcApiDefinition}), after
 * OGC's own.
 */
final class OgcApiSchemas {

	private OgcApiSchemas() {
	}

	static Map<String, Object> parameters() {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("f", query("f", "Format; GeoJSON/JSON is the only one",
				Map.of("type", "string", "enum", List.of("json", "geojson"))));
		p.put("bbox", Map.of("name", "bbox", "in", "query", "required", false, "style", "form", "explode", false,
				"description", "minLon,minLat,maxLon,maxLat in CRS84; west above east crosses the antimeridian",
				"schema", Map.of("type", "array", "minItems", 4, "maxItems", 6, "items", Map.of("type", "number"))));
		p.put("datetime",
				query("datetime",
						"An instant, a date, or an interval start/end with .. for an open end; "
								+ "on a collection without a temporal extent it matches every feature",
						Map.of("type", "string")));
		p.put("limit", limit());
		p.put("after",
				query("after", "Keyset cursor: features after this id (from a next link)", Map.of("type", "string")));
		p.put("before",
				query("before", "Keyset cursor: features before this id (from a prev link)", Map.of("type", "string")));
		p.put("featureId", Map.of("name", "featureId", "in", "path", "required", true, "description",
				"Id of the feature", "schema", Map.of("type", "string")));
		return p;
	}

	static Map<String, Object> limit() {
		return query("limit", "Features per page (above 10000 is served as 10000)",
				Map.of("type", "integer", "minimum", 1, "maximum", 10000, "default", 10));
	}

	private static Map<String, Object> query(String name, String description, Map<String, Object> schema) {
		return Map.of("name", name, "in", "query", "required", false, "style", "form", "explode", false, "description",
				description, "schema", schema);
	}

	static Map<String, Object> schemas() {
		Map<String, Object> s = new LinkedHashMap<>();
		Map<String, Object> links = Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/link"));
		s.put("link", object(List.of("href", "rel"),
				Map.of("href", string(), "rel", string(), "type", string(), "title", string())));
		Map<String, Object> licence = Map.of("$ref", "#/components/schemas/licence");
		s.put("licence", object(List.of("id", "title", "url", "attribution"),
				Map.of("id", string(), "title", string(), "url", string(), "attribution", string())));
		s.put("landingPage", object(List.of("links"),
				Map.of("title", string(), "description", string(), "licence", licence, "links", links)));
		s.put("confClasses",
				object(List.of("conformsTo"), Map.of("conformsTo", Map.of("type", "array", "items", string()))));
		s.put("collection",
				object(List.of("id", "links"),
						Map.of("id", string(), "title", string(), "description", string(), "itemType", string(), "crs",
								Map.of("type", "array", "items", string()), "extent", Map.of("type", "object"),
								"licence", licence, "links", links)));
		s.put("collections", object(List.of("links", "collections"), Map.of("licence", licence, "links", links,
				"collections", Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/collection")))));
		s.put("featureGeoJSON",
				object(List.of("type", "geometry", "properties"),
						Map.of("type", Map.of("type", "string", "enum", List.of("Feature")), "id", string(), "geometry",
								Map.of("type", "object", "nullable", true), "properties",
								Map.of("type", "object", "nullable", true), "links", links)));
		s.put("featureCollectionGeoJSON",
				object(List.of("type", "features"),
						Map.of("type", Map.of("type", "string", "enum", List.of("FeatureCollection")), "features",
								Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/featureGeoJSON")),
								"links", links, "timeStamp", Map.of("type", "string", "format", "date-time"),
								"numberMatched", Map.of("type", "integer", "minimum", 0), "numberReturned",
								Map.of("type", "integer", "minimum", 0))));
		s.put("exception", object(List.of("type", "title", "status"), Map.of("type", string(), "title", string(),
				"status", Map.of("type", "integer"), "detail", string(), "instance", string(), "code", string())));
		return s;
	}

	private static Map<String, Object> object(List<String> required, Map<String, Object> properties) {
		return Map.of("type", "object", "required", required, "properties", properties);
	}

	private static Map<String, Object> string() {
		return Map.of("type", "string");
	}

}
