package org.kotaku.portal.httpcache;

import java.util.function.Function;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import reactor.core.publisher.Mono;

import org.kotaku.portal.readmodel.ReadModel;

/**
 * Results of database-backed queries (searches, features, tiles) cached per data version: a result computed at
 * version {@code v} is reused until the data change, and concurrent identical requests share one query. Build
 * one per feature with {@link #create}; keys must be normalised query values (records work well). Before the
 * first snapshot (version unknown) nothing is cached.
 *
 * @param <K> the normalised query
 * @param <V> its result
 */
public final class VersionedQueryCache<K, V> {

	private record Key<K>(long version, K query) {
	}

	private final AsyncCache<Key<K>, V> cache;

	private final ReadModel readModel;

	private VersionedQueryCache(AsyncCache<Key<K>, V> cache, ReadModel readModel) {
		this.cache = cache;
		this.readModel = readModel;
	}

	/** A cache of at most {@code maxEntries} results, with metrics as {@code cache_*{cache="<name>"}}. */
	public static <K, V> VersionedQueryCache<K, V> create(String name, long maxEntries, ReadModel readModel,
			MeterRegistry meters) {
		AsyncCache<Key<K>, V> cache = Caffeine.newBuilder().maximumSize(maxEntries).recordStats().buildAsync();
		CaffeineCacheMetrics.monitor(meters, cache, name);
		return new VersionedQueryCache<>(cache, readModel);
	}

	/** The cached result of {@code query} at the current data version, or {@code load}'s (then cached). */
	public Mono<V> get(K query, Function<K, Mono<V>> load) {
		long version = this.readModel.snapshot().map((s) -> s.version().version()).orElse(-1L);
		if (version < 0) {
			return load.apply(query);
		}
		return Mono.fromFuture(() -> this.cache.get(new Key<>(version, query), (key, executor) -> load.apply(query).toFuture()), true);
	}

}
