package org.kotaku.portal.tiles;

import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.httpcache.CachedResponse;
import org.kotaku.portal.httpcache.FastAnswers;
import org.kotaku.portal.httpcache.VersionedCache;
import org.kotaku.portal.httpcache.VersionedCaches;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Hot tiles in memory, keyed by data version, layer, filter and address (a new version
 * makes new keys, so a tile is never served older than the data), bounded by their total
 * size in bytes: a {@link VersionedCache}. Concurrent requests for the same missing tile
 * share one database query. A tile with features keeps its prepared versioned answer,
 * which the fast path replays for {@code /tiles/v{version}/...} at the current data
 * version before routing, like a static file.
 */
@Component
class TileCache implements FastAnswers {

	private static final String VERSIONED = "/tiles/v";

	/** The key of one tile of one data version and filter. */
	record Key(long version, TileLayer layer, TileFilter filter, TileAddress address) {
	}

	/**
	 * A tile's MVT bytes (empty: no feature) and its prepared answer at its versioned URL
	 * (null when empty).
	 */
	record Tile(byte[] bytes, CachedResponse versioned) {

		int weight() {
			return this.versioned == null ? this.bytes.length + 64 : 2 * this.bytes.length + 1024;
		}

	}

	private final VersionedCache<Key, Tile> tiles;

	private final int maxZoom;

	TileCache(TileProperties properties, VersionedCaches caches) {
		this.maxZoom = properties.maxZoom();
		this.tiles = caches.byWeight("tiles", properties.cacheMaxBytes(), (Key key, Tile tile) -> tile.weight());
	}

	Mono<Tile> get(Key key, Supplier<Mono<Tile>> loader) {
		return this.tiles.get(key.version(), key, (k) -> loader.get());
	}

	/**
	 * The prepared answer to {@code /tiles/v{version}/{layer}/{z}/{x}/{y}.mvt} (with its
	 * filter parameters) when that tile is in memory.
	 */
	@Override
	public CachedResponse find(ServerHttpRequest request, long version) {
		String path = request.getPath().pathWithinApplication().value();
		if (!path.startsWith(VERSIONED)) {
			return null;
		}
		Key key = key(path, request, version);
		Tile tile = key == null ? null : this.tiles.ready(version, key);
		return tile == null ? null : tile.versioned();
	}

	/**
	 * The key a versioned tile request names at {@code version}, or null for any other
	 * path or a bad filter.
	 */
	private Key key(String path, ServerHttpRequest request, long version) {
		String[] parts = path.substring(VERSIONED.length()).split("/");
		if (parts.length != 5 || !parts[0].equals(Long.toString(version))) {
			return null;
		}
		TileLayer layer = TileLayer.find(parts[1]).orElse(null);
		TileFilter filter = (layer == null) ? null : TileFilter.orNull(layer, request.getQueryParams());
		if (filter == null) {
			return null;
		}
		try {
			return new Key(version, layer, filter, TileAddress.parse(parts[2], parts[3], parts[4], this.maxZoom));
		}
		catch (PortalException ex) {
			return null;
		}
	}

}
