package org.kotaku.portal.tiles;

import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Hot tiles in memory, keyed by data version, layer and address (a new version makes new keys, so a tile is
 * never served older than the data), bounded by their total size in bytes. Concurrent requests for the same
 * missing tile share one database query.
 */
@Component
class TileCache {

	/** The key of one tile of one data version. */
	record Key(long version, TileLayer layer, TileAddress address) {
	}

	private final AsyncCache<Key, byte[]> tiles;

	TileCache(TileProperties properties, ObjectProvider<MeterRegistry> registry) {
		this.tiles = Caffeine.newBuilder()
			.maximumWeight(properties.cacheMaxBytes())
			.weigher((Key key, byte[] tile) -> tile.length + 64)
			.recordStats()
			.buildAsync();
		registry.ifAvailable((r) -> CaffeineCacheMetrics.monitor(r, this.tiles, "tiles"));
	}

	Mono<byte[]> get(Key key, Supplier<Mono<byte[]>> loader) {
		return Mono.fromFuture(this.tiles.get(key, (k, executor) -> loader.get().toFuture()));
	}

}
