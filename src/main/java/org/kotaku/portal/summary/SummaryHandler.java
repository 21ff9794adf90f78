package org.kotaku.portal.summary;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * {@code GET /api/v1/summary}: national headline figures. Like every feature, it declares its own
 * {@link RouterFunction} bean; WebFlux composes them all.
 */
@Configuration(proxyBeanMethods = false)
public class SummaryHandler {

	private final SummaryRepository repository;

	SummaryHandler(SummaryRepository repository) {
		this.repository = repository;
	}

	@Bean
	RouterFunction<ServerResponse> summaryRoutes() {
		return route().GET("/api/v1/summary", this::getSummary).build();
	}

	Mono<ServerResponse> getSummary(ServerRequest request) {
		return this.repository.national()
			.flatMap((summary) -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(summary));
	}

}
