package org.kotaku.portal.figures;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.kotaku.portal.api.Params;
import org.kotaku.portal.httpcache.CachedAnswers;
import org.kotaku.portal.httpcache.SelfValidatingRoutes;
import org.kotaku.portal.licence.Licence;
import org.kotaku.portal.readmodel.ReadModel;
import org.kotaku.portal.readmodel.Snapshot;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * {@code GET /api/v1/summary?region=&year=}: headline figures of a region (default:
 * national) and optionally one fiscal year, from the read model's snapshot (no database
 * round trip; the database may even be down).
 */
@Configuration(proxyBeanMethods = false)
class SummaryHandler {

	private static final String SUMMARY = "/api/v1/summary";

	private final ReadModel readModel;

	private final CachedAnswers answers;

	private final Licence licence;

	SummaryHandler(ReadModel readModel, CachedAnswers answers, Licence licence) {
		this.readModel = readModel;
		this.answers = answers;
		this.licence = licence;
	}

	@Bean
	RouterFunction<ServerResponse> summaryRoutes() {
		return route().GET(SUMMARY, this::summary).build();
	}

	@Bean
	SelfValidatingRoutes summaryAnswers() {
		return SelfValidatingRoutes.of(SUMMARY);
	}

	Mono<ServerResponse> summary(ServerRequest request) {
		Snapshot snapshot = this.readModel.require();
		Params params = FigureParams.of(request, "region", "year");
		String region = FigureParams.region(params, "region", snapshot);
		int year = FigureParams.year(params);
		return this.answers.json(request, snapshot.version(), () -> body(snapshot, region, year));
	}

	Map<String, Object> body(Snapshot snapshot, String region, int year) {
		Map<String, Object> body = Envelope.of(snapshot, this.licence);
		body.put("region", Envelope.region(snapshot, region));
		body.putAll(FiguresView.of(snapshot, region, year));
		return body;
	}

}
