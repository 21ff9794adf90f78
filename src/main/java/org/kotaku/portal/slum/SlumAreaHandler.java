package org.kotaku.portal.slum;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.kotaku.portal.api.Params;
import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.listing.Format;
import org.kotaku.portal.listing.ItemQuery;
import org.kotaku.portal.listing.Listings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * {@code GET /api/v1/slum-areas} (filtered, sorted, keyset-paged or streamed; JSON, CSV
 * or GeoJSON) and {@code GET /api/v1/slum-areas/{id}}, which in JSON shows the area's
 * decree and its assessment history (newest first) and with {@code explain=true} explains
 * the level of its latest (or {@code year}'s) assessment criterion by criterion.
 */
@Configuration(proxyBeanMethods = false)
public class SlumAreaHandler {

	private final Listings listings;

	private final SlumExplanations explanations;

	private final SlumAreaRecords records;

	SlumAreaHandler(Listings listings, SlumExplanations explanations, SlumAreaRecords records) {
		this.listings = listings;
		this.explanations = explanations;
		this.records = records;
	}

	@Bean
	RouterFunction<ServerResponse> slumAreaRoutes() {
		return route().GET("/api/v1/slum-areas", this::listSlumAreas)
			.GET("/api/v1/slum-areas/{id}", this::getSlumArea)
			.build();
	}

	Mono<ServerResponse> listSlumAreas(ServerRequest request) {
		return this.listings.search(request, Catalog.SLUM_AREAS, SlumAreaFilters.PARAMETERS, SlumAreaFilters::from);
	}

	Mono<ServerResponse> getSlumArea(ServerRequest request) {
		Params params = ItemQuery.params(request, Set.of("explain", "year"));
		ItemQuery query = ItemQuery.parse(request, params, Catalog.SLUM_AREAS);
		boolean explain = params.bool("explain").orElse(false);
		Optional<Long> year = params.integer("year", 2010, 2100);
		String id = request.pathVariable("id");
		Mono<Map<String, Object>> explanation = explanation(id, explain, year, query);
		Mono<Map<String, Object>> extra = query.format() == Format.JSON ? withRecords(id, explanation) : explanation;
		return this.listings.one(request, Catalog.SLUM_AREAS, id, query, extra);
	}

	/**
	 * The members a JSON answer adds beside the item: {@code decree} (the decree that
	 * designates the area, or null), {@code assessments} (every assessment, newest first)
	 * and, when asked for, {@code explanation}.
	 */
	private Mono<Map<String, Object>> withRecords(String id, Mono<Map<String, Object>> explanation) {
		return Mono.zip(this.records.of(id), explanation.defaultIfEmpty(Map.of()))
			.map((t) -> members(t.getT1(), t.getT2()));
	}

	private static Map<String, Object> members(SlumAreaRecords.Related related, Map<String, Object> explanation) {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("decree", related.decree());
		members.put("assessments", related.assessments());
		members.putAll(explanation);
		return members;
	}

	private Mono<Map<String, Object>> explanation(String id, boolean explain, Optional<Long> year, ItemQuery query) {
		if (!explain) {
			return year.isPresent() ? Mono.error(PortalException.invalidParameter("year",
					"year chooses the assessment to explain; it needs explain=true.")) : Mono.empty();
		}
		if (query.format() != Format.JSON) {
			return Mono.error(PortalException.invalidParameter("explain", "explain=true is answered as JSON only."));
		}
		return this.explanations.explain(id, year.orElse(0L).intValue())
			.map((e) -> Map.<String, Object>of("explanation", e))
			.switchIfEmpty(Mono.defer(() -> noAssessment(id, year)));
	}

	private static Mono<Map<String, Object>> noAssessment(String id, Optional<Long> year) {
		if (year.isPresent()) {
			return Mono
				.error(PortalException.notFound("Slum area '" + id + "' has no assessment in " + year.get() + "."));
		}
		Map<String, Object> none = new HashMap<>();
		none.put("explanation", null);
		return Mono.just(none);
	}

}
