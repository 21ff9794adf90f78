package org.kotaku.portal.ogc;

import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.kotaku.portal.dataversion.DataVersions;
import org.kotaku.portal.httpcache.VersionedCache;
import org.kotaku.portal.httpcache.VersionedCaches;
import org.springframework.stereotype.Component;

/**
 * The extents of the collections and the match counts of item queries, computed by
 * PostGIS once per data version and kept in memory ({@link VersionedCache}: a new version
 * makes new keys, so nothing stale is ever served).
 */
@Component
class OgcExtents {

	private final ItemRepository repository;

	private final DataVersions versions;

	/** By collection id. */
	private final VersionedCache<String, ItemRepository.Extent> extents;

	/** By collection id and the query's filters. */
	private final VersionedCache<String, Long> counts;

	OgcExtents(ItemRepository repository, DataVersions versions, VersionedCaches caches) {
		this.repository = repository;
		this.versions = versions;
		this.extents = caches.bySize("ogc-extents", 100);
		this.counts = caches.bySize("ogc-counts", 10_000);
	}

	Mono<ItemRepository.Extent> of(OgcCollection collection) {
		return this.versions.currentNumber().flatMap((v) -> cached(v, collection));
	}

	/** The extent of every collection, by collection id. */
	Mono<Map<String, ItemRepository.Extent>> all() {
		return this.versions.currentNumber()
			.flatMapMany((v) -> Flux.fromIterable(OgcCatalog.all()).concatMap((c) -> entry(v, c)))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/**
	 * How many features match the filters of a query (its cursor aside), counted once per
	 * data version.
	 */
	Mono<Long> matched(OgcCollection collection, ItemQuery query) {
		return this.versions.currentNumber()
			.flatMap((v) -> this.counts.get(v, collection.id() + "|" + query.filterKey(),
					(key) -> this.repository.countMatched(collection, query)));
	}

	private Mono<ItemRepository.Extent> cached(long version, OgcCollection collection) {
		return this.extents.get(version, collection.id(), (key) -> this.repository.findExtent(collection));
	}

	private Mono<Map.Entry<String, ItemRepository.Extent>> entry(long version, OgcCollection collection) {
		return cached(version, collection).map((extent) -> Map.entry(collection.id(), extent));
	}

}
