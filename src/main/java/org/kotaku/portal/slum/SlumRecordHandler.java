package org.kotaku.portal.slum;

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
 * The records behind a slum area's level, read from PostGIS with the conventions of every
 * listing: {@code /api/v1/decrees} and {@code /{id}}, {@code /api/v1/assessments} and
 * {@code /{id}} (with its criterion scores), {@code /api/v1/assessment-scores} and
 * {@code /{assessmentId}/{criterion}} (a score's id is {@code assessmentId/criterion}, so
 * its path is the list path and its id).
 */
@Configuration(proxyBeanMethods = false)
public class SlumRecordHandler {

	/** The order of an assessment's scores: the regulation's order of its criteria. */
	static final String CRITERION_ORDER = "k.sort_order";

	private final Listings listings;

	private final Records records;

	SlumRecordHandler(Listings listings, Records records) {
		this.listings = listings;
		this.records = records;
	}

	@Bean
	RouterFunction<ServerResponse> slumRecordRoutes() {
		return this.listings.routes(Catalog.DECREES, List.of("id"), Listings.NOTHING_BESIDE)
			.and(this.listings.routes(Catalog.ASSESSMENTS, List.of("id"), this::scores))
			.and(this.listings.routes(Catalog.ASSESSMENT_SCORES, List.of("assessmentId", "criterion"),
					Listings.NOTHING_BESIDE));
	}

	/**
	 * The assessment's criterion scores, in the regulation's order: the {@code scores}
	 * member of its answer.
	 */
	private Mono<Map<String, Object>> scores(String assessmentId) {
		return this.records.records(Catalog.ASSESSMENT_SCORES, "assessmentId", assessmentId, CRITERION_ORDER)
			.map((rows) -> Map.of("scores", rows));
	}

}
