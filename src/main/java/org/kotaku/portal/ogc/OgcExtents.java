package org.kotaku.portal.ogc;

import java.time.Duration;
import java.util.Map;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.kotaku.portal.dataversion.DataVersions;
import org.springframework.stereotype.Component;

/**
 * The extents of the collections and the match counts of item queries, computed by PostGIS once per data
 * version and kept in memory (a new version makes new keys, so nothing stale is ever served).
 */
@Component
class OgcExtents {

	private final ItemRepository repository;

	private final DataVersions versions;

	private final AsyncCache<String, ItemRepository.Extent> extents = Caffeine.newBuilder()
		.maximumSize(100)
		.expireAfterAccess(Duration.ofHours(1))
		.buildAsync();

	private final AsyncCache<String, Long> counts = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofMinutes(30))
		.buildAsync();

	OgcExtents(ItemRepository repository, DataVersions versions) {
		this.repository = repository;
		this.versions = versions;
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

	/** How many features match the filters of a query (its cursor aside), counted once per data version. */
	Mono<Long> matched(OgcCollection collection, ItemQuery query) {
		return this.versions.currentNumber().flatMap((v) -> Mono.fromFuture(this.counts.get(
				v + "|" + collection.id() + "|" + query.filterKey(),
				(key, executor) -> this.repository.countMatched(collection, query).toFuture())));
	}

	private Mono<ItemRepository.Extent> cached(long version, OgcCollection collection) {
		return Mono.fromFuture(this.extents.get(version + "|" + collection.id(),
				(key, executor) -> this.repository.findExtent(collection).toFuture()));
	}

	private Mono<Map.Entry<String, ItemRepository.Extent>> entry(long version, OgcCollection collection) {
		return cached(version, collection).map((extent) -> Map.entry(collection.id(), extent));
	}

}
