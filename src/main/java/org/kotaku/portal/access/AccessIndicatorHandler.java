package org.kotaku.portal.access;

import java.util.List;

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
 * {@code GET /api/v1/access-indicators} and {@code /{villageCode}/{year}} (a record's id is
 * {@code villageCode/year}, so its path is the list path and its id): the 100-0-100 figures of a village and year,
 * read from PostGIS with the conventions of every listing.
 */
@Configuration(proxyBeanMethods = false)
public class AccessIndicatorHandler {

	private final Listings listings;

	AccessIndicatorHandler(Listings listings) {
		this.listings = listings;
	}

	@Bean
	RouterFunction<ServerResponse> accessIndicatorRoutes() {
		String path = Catalog.ACCESS_INDICATORS.apiPath();
		return route().GET(path, this::listAccessIndicators)
			.GET(path + "/{villageCode}/{year}", this::getAccessIndicator)
			.build();
	}

	Mono<ServerResponse> listAccessIndicators(ServerRequest request) {
		return this.listings.search(request, Catalog.ACCESS_INDICATORS);
	}

	Mono<ServerResponse> getAccessIndicator(ServerRequest request) {
		return this.listings.one(request, Catalog.ACCESS_INDICATORS, List.of("villageCode", "year"), (id) -> Mono.empty());
	}

}
