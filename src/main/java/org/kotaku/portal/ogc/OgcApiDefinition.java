package org.kotaku.portal.ogc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kotaku.portal.licence.Licence;

/**
 * The OpenAPI 3.0 definition of {@code /ogc} (the landing page's {@code service-desc}),
 * generated from the catalog so that every collection's items path lists its own
 * queryables. It is self-contained: every {@code $ref} points inside the document, so
 * offline clients and validators can resolve it. Its server is the landing page and its
 * paths are relative to it ({@code /collections/activities/items}), the layout of OGC's
 * own definitions: GDAL looks a layer's items path up by that name, and the OGC test
 * suite finds its test points by joining the landing page's URL with the paths.
 */
final class OgcApiDefinition {

	private static final String JSON = "application/json";

	private OgcApiDefinition() {
	}

	static Map<String, Object> document(OgcUrls urls, Licence licence) {
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("openapi", "3.0.3");
		doc.put("info",
				Map.of("title", "KOTAKU open data portal: OGC API - Features", "version", "1.0.0", "description",
						"Regions, slum areas, decrees, assessments, activities, allocations and access "
								+ "indicators of the KOTAKU program as GeoJSON features.",
						"license", Map.of("name", licence.title(), "url", licence.url())));
		doc.put("servers", List.of(Map.of("url", urls.landing())));
		doc.put("paths", paths());
		doc.put("components", components());
		return doc;
	}

	private static Map<String, Object> paths() {
		Map<String, Object> paths = new LinkedHashMap<>();
		paths.put("/", get("getLandingPage", "Landing page", List.of(ref("f")), ok(JSON, "landingPage")));
		paths.put("/conformance",
				get("getConformance", "Conformance classes", List.of(ref("f")), ok(JSON, "confClasses")));
		paths.put("/api",
				get("getApiDefinition", "This API definition", List.of(ref("f")), ok(Link.OPENAPI_JSON, null)));
		paths.put("/collections",
				get("getCollections", "Feature collections", List.of(ref("f")), ok(JSON, "collections")));
		for (OgcCollection collection : OgcCatalog.all()) {
			String base = "/collections/" + collection.id();
			String op = collection.id().replace("-", "_");
			paths.put(base, get("describe_" + op, collection.title(), List.of(ref("f")), ok(JSON, "collection")));
			paths.put(base + "/queryables", get("queryables_" + op, "Queryables of " + collection.title(),
					List.of(ref("f")), ok(Link.SCHEMA_JSON, null)));
			paths.put(base + "/items", get("items_" + op, collection.title() + " as GeoJSON features",
					itemParameters(collection), ok(Link.GEO_JSON, "featureCollectionGeoJSON")));
			paths.put(base + "/items/{featureId}", get("item_" + op, "One feature of " + collection.title(),
					List.of(ref("featureId"), ref("f")), ok(Link.GEO_JSON, "featureGeoJSON")));
		}
		return paths;
	}

	private static List<Object> itemParameters(OgcCollection collection) {
		// limit is written out, not referenced: GDAL reads its maximum here to choose its
		// page size
		// datetime on every collection (/req/core/fc-time-definition); it selects all
		// features of one without time
		List<Object> parameters = new ArrayList<>(
				List.of(ref("bbox"), ref("datetime"), OgcApiSchemas.limit(), ref("after"), ref("before"), ref("f")));
		for (Queryable q : collection.queryables()) {
			Map<String, Object> schema = new LinkedHashMap<>();
			schema.put("type", q.kind().jsonType);
			if (!q.values().isEmpty()) {
				schema.put("enum", q.values());
			}
			parameters.add(Map.of("name", q.name(), "in", "query", "required", false, "description", q.title(), "style",
					"form", "explode", false, "schema", schema));
		}
		return parameters;
	}

	private static Map<String, Object> get(String operationId, String summary, List<Object> parameters,
			Map<String, Object> ok) {
		Map<String, Object> responses = new LinkedHashMap<>();
		responses.put("200", ok);
		responses.put("400", Map.of("$ref", "#/components/responses/InvalidParameter"));
		responses.put("404", Map.of("$ref", "#/components/responses/NotFound"));
		Map<String, Object> operation = new LinkedHashMap<>();
		operation.put("operationId", operationId);
		operation.put("summary", summary);
		operation.put("tags", List.of("OGC API - Features"));
		operation.put("parameters", parameters);
		operation.put("responses", responses);
		return Map.of("get", operation);
	}

	private static Map<String, Object> ok(String mediaType, String schema) {
		Map<String, Object> content = schema == null ? Map.of("schema", Map.of("type", "object"))
				: Map.of("schema", Map.of("$ref", "#/components/schemas/" + schema));
		return Map.of("description", "Success", "content", Map.of(mediaType, content));
	}

	private static Map<String, Object> ref(String parameter) {
		return Map.of("$ref", "#/components/parameters/" + parameter);
	}

	private static Map<String, Object> components() {
		Map<String, Object> components = new LinkedHashMap<>();
		components.put("parameters", OgcApiSchemas.parameters());
		components.put("schemas", OgcApiSchemas.schemas());
		components.put("responses", Map.of("InvalidParameter", problem("A query parameter is unknown or invalid"),
				"NotFound", problem("No such collection or feature")));
		return components;
	}

	private static Map<String, Object> problem(String description) {
		return Map.of("description", description, "content",
				Map.of("application/problem+json", Map.of("schema", Map.of("$ref", "#/components/schemas/exception"))));
	}

}
