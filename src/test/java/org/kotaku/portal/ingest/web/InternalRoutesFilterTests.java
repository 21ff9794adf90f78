package org.kotaku.portal.ingest.web;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a CORS setup adds, internal answers leave without it and are never stored by
 * caches.
 */
class InternalRoutesFilterTests {

	private final InternalRoutesFilter filter = new InternalRoutesFilter();

	@Test
	void internalAnswersLoseCorsHeadersAndAreNotStored() {
		MockServerWebExchange exchange = exchange("/internal/v1/batches/1");
		this.filter.filter(exchange, corsOpen()).block();
		HttpHeaders headers = exchange.getResponse().getHeaders();
		assertThat(headers.getCacheControl()).isEqualTo("no-store");
		assertThat(headers.headerNames()).noneMatch((n) -> n.startsWith("Access-Control-"));
	}

	@Test
	void publicAnswersAreLeftAlone() {
		MockServerWebExchange exchange = exchange("/api/v1/changes");
		this.filter.filter(exchange, corsOpen()).block();
		assertThat(exchange.getResponse().getHeaders().getAccessControlAllowOrigin()).isEqualTo("*");
	}

	private static MockServerWebExchange exchange(String path) {
		return MockServerWebExchange
			.from(MockServerHttpRequest.get(path).header("Origin", "https://elsewhere.example"));
	}

	/** A chain that answers like a CORS-open route. */
	private static WebFilterChain corsOpen() {
		return (exchange) -> {
			exchange.getResponse().getHeaders().setAccessControlAllowOrigin("*");
			exchange.getResponse()
				.getHeaders()
				.setAccessControlAllowMethods(java.util.List.of(org.springframework.http.HttpMethod.GET));
			return exchange.getResponse().setComplete();
		};
	}

}
