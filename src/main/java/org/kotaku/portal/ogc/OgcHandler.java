package org.kotaku.portal.ogc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.kotaku.portal.licence.Licence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * OGC API - Features Part 1 (Core, GeoJSON, OpenAPI 3.0) at {@code /ogc}: the landing
 * page, conformance, the API definition, the collections and their queryables; items are
 * served by {@link ItemHandler}.
 */
@Configuration(proxyBeanMethods = false)
class OgcHandler {

	static final List<String> CONFORMANCE = List.of("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
			"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
			"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
			"http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
			"http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters");

	private static final MediaType GEO_JSON = MediaType.parseMediaType(Link.GEO_JSON);

	private final ItemHandler items;

	private final OgcExtents extents;

	private final Licence licence;

	OgcHandler(ItemHandler items, OgcExtents extents, Licence licence) {
		this.items = items;
		this.extents = extents;
		this.licence = licence;
	}

	@Bean
	RouterFunction<ServerResponse> ogcRoutes() {
		// "/ogc/" too: clients given the landing page with a trailing slash, the OGC test
		// suite first of all
		return route().GET("/ogc", this::getLanding)
			.GET("/ogc/", this::getLanding)
			.GET("/ogc/conformance", this::getConformance)
			.GET("/ogc/api", this::getApiDefinition)
			.GET("/ogc/collections", this::getCollections)
			.GET("/ogc/collections/{collectionId}", this::getCollection)
			.GET("/ogc/collections/{collectionId}/queryables", this::getQueryables)
			.GET("/ogc/collections/{collectionId}/items", this.items::getItems)
			// {*featureId}: a composite id holds a slash (an access indicator's
			// village/year), which clients send
			// encoded (%2F) or not
			.GET("/ogc/collections/{collectionId}/items/{*featureId}", this.items::getItem)
			.build();
	}

	Mono<ServerResponse> getLanding(ServerRequest request) {
		OgcUrls urls = checkedUrls(request);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", "KOTAKU open data portal: OGC API - Features");
		body.put("description", "Regions, slum areas, decrees, assessments, activities, allocations and access "
				+ "indicators of Indonesia's slum-upgrading program KOTAKU as GeoJSON features (CRS84).");
		body.put("licence", this.licence.member());
		body.put("links",
				List.of(new Link(urls.landing(), "self", Link.JSON, "This document"),
						new Link(urls.path("/api"), "service-desc", Link.OPENAPI_JSON,
								"The API definition (OpenAPI 3.0)"),
						new Link(urls.site() + "/swagger-ui.html", "service-doc", "text/html", "The API documentation"),
						new Link(urls.path("/conformance"), "conformance", Link.JSON, "Conformance classes"),
						new Link(urls.path("/collections"), "data", Link.JSON, "The feature collections"),
						Link.licence(this.licence)));
		return json(body);
	}

	Mono<ServerResponse> getConformance(ServerRequest request) {
		checkedUrls(request);
		return json(Map.of("conformsTo", CONFORMANCE));
	}

	Mono<ServerResponse> getApiDefinition(ServerRequest request) {
		OgcUrls urls = checkedUrls(request);
		return ServerResponse.ok()
			.contentType(MediaType.parseMediaType(Link.OPENAPI_JSON))
			.bodyValue(OgcApiDefinition.document(urls, this.licence));
	}

	Mono<ServerResponse> getCollections(ServerRequest request) {
		OgcUrls urls = checkedUrls(request);
		return this.extents.all()
			.map((byId) -> OgcCatalog.all().stream().map((c) -> describe(c, byId.get(c.id()), urls)).toList())
			.flatMap((collections) -> json(collectionsBody(collections, urls)));
	}

	Mono<ServerResponse> getCollection(ServerRequest request) {
		OgcUrls urls = checkedUrls(request);
		OgcCollection collection = collection(request);
		return this.extents.of(collection).flatMap((extent) -> json(describe(collection, extent, urls)));
	}

	Mono<ServerResponse> getQueryables(ServerRequest request) {
		OgcUrls urls = checkedUrls(request);
		OgcCollection collection = collection(request);
		return ServerResponse.ok()
			.contentType(MediaType.parseMediaType(Link.SCHEMA_JSON))
			.bodyValue(QueryablesSchema.of(collection, urls.collection(collection.id()) + "/queryables"));
	}

	static OgcCollection collection(ServerRequest request) {
		String id = request.pathVariable("collectionId");
		return OgcCatalog.find(id)
			.orElseThrow(() -> OgcProblems.notFound("No collection '" + id + "'. Collections: "
					+ String.join(", ", OgcCatalog.all().stream().map(OgcCollection::id).toList()) + "."));
	}

	/** The URLs of the answer, after refusing any query parameter but {@code f}. */
	static OgcUrls checkedUrls(ServerRequest request) {
		for (String name : request.queryParams().keySet()) {
			if (!name.equals("f")) {
				throw OgcProblems.invalidParameter(name,
						"Unknown query parameter '" + name + "'; only f is allowed here.");
			}
		}
		ItemQuery.checkFormat(request.queryParams());
		return OgcUrls.of(request.uri());
	}

	private Map<String, Object> collectionsBody(List<Map<String, Object>> collections, OgcUrls urls) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("licence", this.licence.member());
		body.put("links", List.of(new Link(urls.path("/collections"), "self", Link.JSON, "This document"),
				Link.licence(this.licence)));
		body.put("collections", collections);
		return body;
	}

	private Map<String, Object> describe(OgcCollection collection, ItemRepository.Extent extent, OgcUrls urls) {
		String self = urls.collection(collection.id());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", collection.id());
		body.put("title", collection.title());
		body.put("description", collection.description());
		body.put("itemType", "feature");
		body.put("crs", List.of(ItemQuery.CRS84));
		body.put("extent", extentBody(extent));
		body.put("licence", this.licence.member());
		body.put("links",
				List.of(new Link(self, "self", Link.JSON, collection.title()),
						new Link(self + "/items", "items", Link.GEO_JSON, collection.title() + " as GeoJSON"),
						new Link(self + "/queryables", "http://www.opengis.net/def/rel/ogc/1.0/queryables",
								Link.SCHEMA_JSON, "Properties to filter on"),
						Link.licence(this.licence)));
		return body;
	}

	private static Map<String, Object> extentBody(ItemRepository.Extent extent) {
		Map<String, Object> body = new LinkedHashMap<>();
		List<Double> box = extent.west() == null ? List.of(-180d, -90d, 180d, 90d)
				: List.of(extent.west(), extent.south(), extent.east(), extent.north());
		body.put("spatial", Map.of("bbox", List.of(box), "crs", ItemQuery.CRS84));
		if (extent.start() != null || extent.end() != null) {
			List<String> interval = new ArrayList<>();
			interval.add(extent.start() == null ? null : extent.start() + "T00:00:00Z");
			interval.add(extent.end() == null ? null : extent.end() + "T23:59:59Z");
			body.put("temporal", Map.of("interval", List.of(interval), "trs",
					"http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"));
		}
		return body;
	}

	private static Mono<ServerResponse> json(Object body) {
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
	}

	static MediaType geoJson() {
		return GEO_JSON;
	}

}
