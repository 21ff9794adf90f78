package org.kotaku.portal.funding;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.listing.Listings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * {@code GET /api/v1/allocations} and {@code /{id}} (with its tranches), {@code GET /api/v1/disbursements} and
 * {@code /{allocationId}/{tranche}} (a tranche's id is {@code allocationId/tranche}, so its path is the list path
 * and its id), read from PostGIS with the conventions of every listing.
 */
@Configuration(proxyBeanMethods = false)
public class AllocationHandler {

	/** A tranche's own path: its id {@code allocationId/tranche} after the list path. */
	static final List<String> TRANCHE_ID = List.of("allocationId", "tranche");

	private final Listings listings;

	AllocationHandler(Listings listings) {
		this.listings = listings;
	}

	@Bean
	RouterFunction<ServerResponse> allocationRoutes() {
		String allocations = Catalog.ALLOCATIONS.apiPath();
		String disbursements = Catalog.DISBURSEMENTS.apiPath();
		return route().GET(allocations, this::listAllocations)
			.GET(allocations + "/{id}", this::getAllocation)
			.GET(disbursements, this::listDisbursements)
			.GET(disbursements + "/{allocationId}/{tranche}", this::getDisbursement)
			.build();
	}

	Mono<ServerResponse> listAllocations(ServerRequest request) {
		return this.listings.search(request, Catalog.ALLOCATIONS);
	}

	Mono<ServerResponse> getAllocation(ServerRequest request) {
		return this.listings.one(request, Catalog.ALLOCATIONS, List.of("id"), this::tranches);
	}

	Mono<ServerResponse> listDisbursements(ServerRequest request) {
		return this.listings.search(request, Catalog.DISBURSEMENTS);
	}

	Mono<ServerResponse> getDisbursement(ServerRequest request) {
		return this.listings.one(request, Catalog.DISBURSEMENTS, TRANCHE_ID, (id) -> Mono.empty());
	}

	/** The allocation's tranches, in tranche order: the {@code tranches} member of its answer. */
	private Mono<Map<String, Object>> tranches(String allocationId) {
		return this.listings.records(Catalog.DISBURSEMENTS, "allocationId", allocationId, "t.tranche")
			.map((rows) -> Map.of("tranches", rows));
	}

}
