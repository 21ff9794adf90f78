package org.kotaku.portal.funding;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.listing.Listings;
import org.kotaku.portal.listing.Records;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /api/v1/allocations} and {@code /{id}} (with its tranches),
 * {@code GET /api/v1/disbursements} and {@code /{allocationId}/{tranche}} (a tranche's id
 * is {@code allocationId/tranche}, so its path is the list path and its id), read from
 * PostGIS with the conventions of every listing.
 */
@Configuration(proxyBeanMethods = false)
public class AllocationHandler {

	private final Listings listings;

	private final Records records;

	AllocationHandler(Listings listings, Records records) {
		this.listings = listings;
		this.records = records;
	}

	@Bean
	RouterFunction<ServerResponse> allocationRoutes() {
		return this.listings.routes(Catalog.ALLOCATIONS, List.of("id"), this::tranches)
			.and(this.listings.routes(Catalog.DISBURSEMENTS, List.of("allocationId", "tranche"),
					Listings.NOTHING_BESIDE));
	}

	/**
	 * The allocation's tranches, in tranche order: the {@code tranches} member of its
	 * answer.
	 */
	private Mono<Map<String, Object>> tranches(String allocationId) {
		return this.records.records(Catalog.DISBURSEMENTS, "allocationId", allocationId, "t.tranche")
			.map((rows) -> Map.of("tranches", rows));
	}

}
