package org.kotaku.portal.ogc;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.licence.Licence;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriUtils;

/**
 * {@code /ogc/collections/{collectionId}/items} and {@code .../items/{featureId}}:
 * GeoJSON features streamed from PostGIS, paged by keyset on the feature id so that
 * walking the {@code next} links yields every matching feature exactly once.
 */
@Component
class ItemHandler {

	private final ItemRepository repository;

	private final OgcExtents extents;

	private final OgcProperties properties;

	private final JsonMapper json;

	private final Licence licence;

	ItemHandler(ItemRepository repository, OgcExtents extents, OgcProperties properties, JsonMapper json,
			Licence licence) {
		this.repository = repository;
		this.extents = extents;
		this.properties = properties;
		this.json = json;
		this.licence = licence;
	}

	Mono<ServerResponse> getItems(ServerRequest request) {
		OgcCollection collection = OgcHandler.collection(request);
		ItemQuery query = ItemQuery.parse(collection, request.queryParams(), this.properties);
		URI uri = request.uri();
		FeaturePage page = new FeaturePage(query, uri, OgcUrls.of(uri).collection(collection.id()), this.licence);
		return ServerResponse.ok()
			.contentType(OgcHandler.geoJson())
			.body(BodyInserters.fromDataBuffers(page.write(this.repository.streamPage(collection, query),
					this.extents.matched(collection, query), this.json, DefaultDataBufferFactory.sharedInstance)));
	}

	Mono<ServerResponse> getItem(ServerRequest request) {
		OgcCollection collection = OgcHandler.collection(request);
		String self = OgcHandler.checkedUrls(request).collection(collection.id());
		// a {*featureId} capture starts with the slash that precedes it
		String id = request.pathVariable("featureId").substring(1);
		return this.repository.findFeature(collection, id)
			.switchIfEmpty(
					Mono.error(() -> OgcProblems.notFound("No feature '" + id + "' in " + collection.id() + ".")))
			.map((feature) -> withLinks(feature,
					self + "/items/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8), self))
			.flatMap((feature) -> ServerResponse.ok().contentType(OgcHandler.geoJson()).bodyValue(feature));
	}

	/**
	 * Adds the self, collection and licence links to a feature's GeoJSON text
	 * (/req/core/f-links), and the {@code licence} member (a foreign member).
	 */
	private String withLinks(String feature, String self, String collection) {
		String links = this.json.writeValueAsString(new Link[] { new Link(self, "self", Link.GEO_JSON, null),
				new Link(collection, "collection", Link.JSON, null), Link.licence(this.licence) });
		return feature.substring(0, feature.length() - 1) + ",\"licence\":"
				+ this.json.writeValueAsString(this.licence.member()) + ",\"links\":" + links + "}";
	}

}
