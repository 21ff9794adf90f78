package org.kotaku.portal.activity;

import java.util.Set;

import reactor.core.publisher.Mono;

import org.kotaku.portal.api.Params;
import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.listing.ItemQuery;
import org.kotaku.portal.listing.Listings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * {@code GET /api/v1/activities} (filtered, sorted, keyset-paged or streamed; JSON, CSV
 * or GeoJSON) and {@code GET /api/v1/activities/{id}}, read from PostGIS.
 */
@Configuration(proxyBeanMethods = false)
public class ActivityHandler {

	private final Listings listings;

	ActivityHandler(Listings listings) {
		this.listings = listings;
	}

	@Bean
	RouterFunction<ServerResponse> activityRoutes() {
		return route().GET("/api/v1/activities", this::listActivities)
			.GET("/api/v1/activities/{id}", this::getActivity)
			.build();
	}

	Mono<ServerResponse> listActivities(ServerRequest request) {
		return this.listings.search(request, Catalog.ACTIVITIES, ActivityFilters.PARAMETERS, ActivityFilters::from);
	}

	Mono<ServerResponse> getActivity(ServerRequest request) {
		Params params = ItemQuery.params(request, Set.of());
		ItemQuery query = ItemQuery.parse(request, params, Catalog.ACTIVITIES);
		return this.listings.one(request, Catalog.ACTIVITIES, request.pathVariable("id"), query, Mono.empty());
	}

}
