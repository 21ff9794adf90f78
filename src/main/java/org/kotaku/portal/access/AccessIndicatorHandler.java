package org.kotaku.portal.access;

import java.util.List;

import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.listing.Listings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /api/v1/access-indicators} and {@code /{villageCode}/{year}} (a record's id
 * is {@code villageCode/year}, so its path is the list path and its id): the 100-0-100
 * figures of a village and year, read from PostGIS with the conventions of every listing.
 */
@Configuration(proxyBeanMethods = false)
public class AccessIndicatorHandler {

	@Bean
	RouterFunction<ServerResponse> accessIndicatorRoutes(Listings listings) {
		return listings.routes(Catalog.ACCESS_INDICATORS, List.of("villageCode", "year"), Listings.NOTHING_BESIDE);
	}

}
