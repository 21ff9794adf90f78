package org.kotaku.portal.httpcache;

import java.util.function.Function;

import com.github.benmanes.caffeine.cache.AsyncCache;
import reactor.core.publisher.Mono;

/**
 * Values kept per data version: a value computed at version {@code v} is reused until the
 * data change, concurrent identical loads share one, and the values of versions older
 * than the snapshot being served are dropped when a new one is swapped in. Rendered
 * answers, tiles, OGC extents and counts, region metrics, check results and dataset facts
 * all keep theirs in one; make one with {@link VersionedCaches}. Keys must be normalised
 * values (records and strings work well). A negative version (none known yet) keeps
 * nothing.
 *
 * @param <K> what the value is of (a normalised query, a tile address...)
 * @param <V> the value
 */
public final class VersionedCache<K, V> {

	record Key<K>(long version, K key) {
	}

	private final AsyncCache<Key<K>, V> cache;

	VersionedCache(AsyncCache<Key<K>, V> cache) {
		this.cache = cache;
	}

	/**
	 * The value of {@code key} at {@code version}, or the one {@code load} emits (then
	 * kept).
	 */
	public Mono<V> get(long version, K key, Function<K, Mono<V>> load) {
		if (version < 0) {
			return load.apply(key);
		}
		return Mono.fromFuture(
				() -> this.cache.get(new Key<>(version, key), (k, executor) -> load.apply(key).toFuture()), true);
	}

	/**
	 * The value of {@code key} at {@code version}, or the one {@code compute} returns
	 * now, on this thread (then kept).
	 */
	public V compute(long version, K key, Function<K, V> compute) {
		if (version < 0) {
			return compute.apply(key);
		}
		return this.cache.synchronous().get(new Key<>(version, key), (k) -> compute.apply(key));
	}

	/**
	 * The value of {@code key} at {@code version} when it is there and loaded, else null;
	 * never loads.
	 */
	public V ready(long version, K key) {
		return this.cache.synchronous().getIfPresent(new Key<>(version, key));
	}

	/** Drops the values of versions below {@code version}. */
	void dropBefore(long version) {
		this.cache.asMap().keySet().removeIf((key) -> key.version() < version);
	}

	long size() {
		return this.cache.synchronous().estimatedSize();
	}

	/**
	 * The total weight of the values held (their bytes, for a cache bounded by weight), 0
	 * for one bounded by size.
	 */
	long weight() {
		return this.cache.synchronous()
			.policy()
			.eviction()
			.map((eviction) -> eviction.weightedSize().orElse(0))
			.orElse(0L);
	}

	double hitRate() {
		return this.cache.synchronous().stats().hitRate();
	}

}
