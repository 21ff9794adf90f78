package org.kotaku.portal.tiles;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import reactor.core.publisher.Mono;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.httpcache.CachedResponse;
import org.kotaku.portal.httpcache.FastAnswers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Hot tiles in memory, keyed by data version, layer, filter and address (a new version makes new keys, so a tile is
 * never served older than the data), bounded by their total size in bytes. Concurrent requests for the same
 * missing tile share one database query. A tile with features keeps its prepared versioned answer, which the fast
 * path replays for {@code /tiles/v{version}/...} at the current data version before routing, like a static file.
 */
@Component
class TileCache implements FastAnswers {

	private static final String VERSIONED = "/tiles/v";

	/** The key of one tile of one data version and filter. */
	record Key(long version, TileLayer layer, TileFilter filter, TileAddress address) {
	}

	/** A tile's MVT bytes (empty: no feature) and its prepared answer at its versioned URL (null when empty). */
	record Tile(byte[] bytes, CachedResponse versioned) {

		int weight() {
			return this.versioned == null ? this.bytes.length + 64 : 2 * this.bytes.length + 1024;
		}

	}

	private final AsyncCache<Key, Tile> tiles;

	private final int maxZoom;

	TileCache(TileProperties properties, ObjectProvider<MeterRegistry> registry) {
		this.maxZoom = properties.maxZoom();
		this.tiles = Caffeine.newBuilder()
			.maximumWeight(properties.cacheMaxBytes())
			.weigher((Key key, Tile tile) -> tile.weight())
			.recordStats()
			.buildAsync();
		registry.ifAvailable((r) -> CaffeineCacheMetrics.monitor(r, this.tiles, "tiles"));
	}

	Mono<Tile> get(Key key, Supplier<Mono<Tile>> loader) {
		return Mono.fromFuture(this.tiles.get(key, (k, executor) -> loader.get().toFuture()));
	}

	/**
	 * The prepared answer to {@code /tiles/v{version}/{layer}/{z}/{x}/{y}.mvt} (with its filter parameters) when that
	 * tile is in memory.
	 */
	@Override
	public CachedResponse find(ServerHttpRequest request, long version) {
		String path = request.getPath().pathWithinApplication().value();
		if (!path.startsWith(VERSIONED)) {
			return null;
		}
		Key key = key(path, request, version);
		CompletableFuture<Tile> tile = key == null ? null : this.tiles.getIfPresent(key);
		if (tile == null || !tile.isDone() || tile.isCompletedExceptionally()) {
			return null;
		}
		return tile.join().versioned();
	}

	/** The key a versioned tile request names at {@code version}, or null for any other path or a bad filter. */
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
