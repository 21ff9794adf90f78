package org.kotaku.portal.tiles;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.dataversion.DataVersion;
import org.kotaku.portal.dataversion.DataVersions;
import org.kotaku.portal.httpcache.CachedAnswers;
import org.kotaku.portal.httpcache.ConditionalGet;
import org.kotaku.portal.httpcache.SelfValidatingRoutes;
import org.kotaku.portal.licence.Licence;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * Vector tiles for MapLibre: {@code /tiles/{layer}.json} (TileJSON 3.0) names versioned
 * tile URLs {@code /tiles/v{version}/{layer}/{z}/{x}/{y}.mvt}, cacheable forever; the
 * unversioned {@code /tiles/{layer}/{z}/{x}/{y}.mvt} revalidates. Every tile route
 * answers conditional requests itself ({@link ConditionalGet}: an ETag of the data
 * version, the path and the filter, all a tile depends on). An empty tile is 204, an
 * address outside the grid 400, an unknown layer 404. Filters ({@link TileFilter}) are
 * query parameters of the tile and TileJSON URLs, part of the cache key and the ETag. A
 * versioned tile with features answers with an answer prepared once
 * ({@link CachedAnswers#prepare}), which the fast path replays for the next requests
 * before routing.
 */
@Configuration(proxyBeanMethods = false)
class TileHandler {

	static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");

	private static final String IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365))
		.cachePublic()
		.immutable()
		.getHeaderValue();

	private static final String TILE_JSON = "/tiles/{file}", TILE = "/tiles/{layer}/{z}/{x}/{file}";

	/** The route of a tile of one data version, the one the fast path replays. */
	private static final String VERSIONED_TILE = "/tiles/{version}/{layer}/{z}/{x}/{file}";

	private static final String REVALIDATE = CacheControl.noCache().cachePublic().getHeaderValue();

	private final TileRepository repository;

	private final TileCache cache;

	private final DataVersions versions;

	private final TileProperties properties;

	private final CachedAnswers answers;

	private final Licence licence;

	TileHandler(TileRepository repository, TileCache cache, DataVersions versions, TileProperties properties,
			CachedAnswers answers, Licence licence) {
		this.repository = repository;
		this.cache = cache;
		this.versions = versions;
		this.properties = properties;
		this.answers = answers;
		this.licence = licence;
	}

	@Bean
	RouterFunction<ServerResponse> tileRoutes() {
		return route().GET(TILE_JSON, this::getTileJson)
			.GET(TILE, this::getTile)
			.GET(VERSIONED_TILE, this::getVersionedTile)
			.build();
	}

	@Bean
	SelfValidatingRoutes tileAnswers() {
		return SelfValidatingRoutes.of(TILE_JSON, TILE, VERSIONED_TILE);
	}

	Mono<ServerResponse> getTileJson(ServerRequest request) {
		String file = request.pathVariable("file");
		if (!file.endsWith(".json")) {
			throw PortalException
				.notFound("No resource /tiles/" + file + "; TileJSON documents are /tiles/{layer}.json.");
		}
		TileLayer layer = layer(file.substring(0, file.length() - ".json".length()));
		TileFilter filter = TileFilter.of(layer, request.queryParams());
		this.repository.requireKnown(filter);
		return this.versions.of(request)
			.flatMap((v) -> ConditionalGet.answer(request, v, key(request, filter), REVALIDATE, HttpHeaders.ACCEPT,
					() -> tileJson(request, layer, filter, v.version())));
	}

	Mono<ServerResponse> getTile(ServerRequest request) {
		TileLayer layer = layer(request.pathVariable("layer"));
		TileFilter filter = TileFilter.of(layer, request.queryParams());
		TileAddress address = address(request);
		return this.versions.of(request)
			.flatMap((v) -> ConditionalGet.answer(request, v, key(request, filter), REVALIDATE, HttpHeaders.ACCEPT,
					() -> tile(layer, filter, address, v).flatMap((tile) -> tileResponse(tile.bytes()))));
	}

	Mono<ServerResponse> getVersionedTile(ServerRequest request) {
		long requested = requestedVersion(request.pathVariable("version"));
		TileLayer layer = layer(request.pathVariable("layer"));
		TileFilter filter = TileFilter.of(layer, request.queryParams());
		TileAddress address = address(request);
		return this.versions.of(request).flatMap((v) -> versioned(request, requested, v, layer, filter, address));
	}

	private Mono<ServerResponse> versioned(ServerRequest request, long requested, DataVersion version, TileLayer layer,
			TileFilter filter, TileAddress address) {
		long current = version.version();
		if (requested > current) {
			return Mono.error(PortalException.notFound("Data version " + requested + " does not exist yet; the current "
					+ "version is " + current + " (see /tiles/" + layer.id() + ".json)."));
		}
		if (requested < current) {
			// an old version's tiles are gone; send the client to the same tile of the
			// current data
			return ServerResponse.status(HttpStatus.FOUND)
				.location(UriComponentsBuilder.fromUri(request.uri())
					.replacePath(versionedPath(current, layer, address))
					.build()
					.toUri())
				.cacheControl(CacheControl.noCache())
				.build();
		}
		// with features: the prepared answer the fast path replays for the next request
		// of this tile
		return tile(layer, filter, address, version).flatMap(
				(tile) -> (tile.versioned() != null) ? this.answers.replay(request, tile.versioned())
						: ConditionalGet.answer(request, version,
								versionedPath(current, layer, address) + filter.query(), IMMUTABLE, HttpHeaders.ACCEPT,
								() -> tileResponse(tile.bytes())));
	}

	private Mono<TileCache.Tile> tile(TileLayer layer, TileFilter filter, TileAddress address, DataVersion version) {
		long v = version.version();
		this.repository.requireKnown(filter);
		return this.cache.get(new TileCache.Key(v, layer, filter, address),
				() -> this.repository.findTile(layer, filter, address, v)
					.map((bytes) -> prepared(bytes, version, layer, filter, address)));
	}

	private TileCache.Tile prepared(byte[] bytes, DataVersion version, TileLayer layer, TileFilter filter,
			TileAddress address) {
		if (bytes.length == 0) {
			return new TileCache.Tile(bytes, null);
		}
		String path = versionedPath(version.version(), layer, address);
		return new TileCache.Tile(bytes, this.answers.prepare(version, path, VERSIONED_TILE,
				ConditionalGet.etag(version.version(), path + filter.query()), IMMUTABLE, MVT.toString(), bytes));
	}

	private static Mono<ServerResponse> tileResponse(byte[] tile) {
		ServerResponse.BodyBuilder response = ServerResponse
			.status(tile.length == 0 ? HttpStatus.NO_CONTENT : HttpStatus.OK);
		return tile.length == 0 ? response.build() : response.contentType(MVT).bodyValue(tile);
	}

	private Mono<ServerResponse> tileJson(ServerRequest request, TileLayer layer, TileFilter filter, long version) {
		String base = UriComponentsBuilder.fromUri(request.uri())
			.replacePath(null)
			.replaceQuery(null)
			.build()
			.toUriString();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("tilejson", "3.0.0");
		body.put("name", "kotaku-" + layer.id());
		body.put("description", layer.description());
		body.put("version", "1.0.0");
		// TileJSON 3.0: text or HTML a map shows (MapLibre renders it as HTML in its
		// attribution control)
		body.put("attribution", this.licence.attributionHtml() + " · data version " + version);
		body.put("licence", this.licence.member());
		body.put("scheme", "xyz");
		body.put("tiles", List.of(base + versionedPath(version, layer) + "/{z}/{x}/{y}.mvt" + filter.query()));
		body.put("minzoom", 0);
		body.put("maxzoom", this.properties.maxZoom());
		body.put("bounds", List.of(94.0, -11.5, 141.5, 6.5));
		body.put("center", List.of(117.0, -2.5, 4));
		body.put("vector_layers", List.of(Map.of("id", layer.id(), "description", layer.description(), "fields",
				layer.fields(), "minzoom", 0, "maxzoom", this.properties.maxZoom())));
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
	}

	/**
	 * What a tile's ETag is made of: its path and its filter, all it depends on (one
	 * format, no other parameter). A client that revalidates the tile of another filter
	 * with the ETag it holds (MapLibre does, after a source's tile URLs change) gets no
	 * 304 for it.
	 */
	private static String key(ServerRequest request, TileFilter filter) {
		return request.requestPath().pathWithinApplication().value() + filter.query();
	}

	private TileAddress address(ServerRequest request) {
		return TileAddress.parse(request.pathVariable("z"), request.pathVariable("x"), request.pathVariable("file"),
				this.properties.maxZoom());
	}

	private static TileLayer layer(String id) {
		return TileLayer.find(id)
			.orElseThrow(() -> PortalException
				.notFound("No tile layer '" + id + "'. Layers: regions, slum-areas, activities."));
	}

	private static long requestedVersion(String segment) {
		if (segment.matches("v\\d{1,18}")) {
			return Long.parseLong(segment.substring(1));
		}
		throw PortalException
			.notFound("No tile path /tiles/" + segment + "/...; versioned tiles are /tiles/v{version}/...");
	}

	private static String versionedPath(long version, TileLayer layer) {
		return "/tiles/v" + version + "/" + layer.id();
	}

	private static String versionedPath(long version, TileLayer layer, TileAddress address) {
		return versionedPath(version, layer) + "/" + address.path() + ".mvt";
	}

}
