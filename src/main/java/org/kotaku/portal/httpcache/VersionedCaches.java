package org.kotaku.portal.httpcache;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntBiFunction;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.kotaku.portal.readmodel.SnapshotSwapped;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes every {@link VersionedCache}, with its metrics ({@code cache_*{cache="<name>"}}),
 * and drops the values of older data versions from all of them when the read model swaps
 * in a new snapshot (nothing asks for them again: answers name the current version, and
 * an old tile URL redirects).
 */
@Component
public class VersionedCaches {

	private final MeterRegistry meters;

	private final List<VersionedCache<?, ?>> caches = new CopyOnWriteArrayList<>();

	VersionedCaches(MeterRegistry meters) {
		this.meters = meters;
	}

	/** A cache of at most {@code maxEntries} values. */
	public <K, V> VersionedCache<K, V> bySize(String name, long maxEntries) {
		return register(name, Caffeine.newBuilder().maximumSize(maxEntries).recordStats().buildAsync());
	}

	/**
	 * A cache of values weighing at most {@code maxWeight} together (bytes, as
	 * {@code weigher} counts them).
	 */
	public <K, V> VersionedCache<K, V> byWeight(String name, long maxWeight, ToIntBiFunction<K, V> weigher) {
		return register(name,
				Caffeine.newBuilder()
					.maximumWeight(maxWeight)
					.weigher((VersionedCache.Key<K> key, V value) -> weigher.applyAsInt(key.key(), value))
					.recordStats()
					.buildAsync());
	}

	private <K, V> VersionedCache<K, V> register(String name, AsyncCache<VersionedCache.Key<K>, V> cache) {
		CaffeineCacheMetrics.monitor(this.meters, cache, name);
		VersionedCache<K, V> versioned = new VersionedCache<>(cache);
		this.caches.add(versioned);
		return versioned;
	}

	@EventListener
	void dropOlderVersions(SnapshotSwapped swapped) {
		long current = swapped.current().version().version();
		this.caches.forEach((cache) -> cache.dropBefore(current));
	}

}
