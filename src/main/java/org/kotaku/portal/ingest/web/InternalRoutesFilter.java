package org.kotaku.portal.ingest.web;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Every answer under {@code /internal/} (errors included) is never stored by a cache and
 * never opened to other origins: whatever CORS handling the public routes get, its
 * headers are removed here before the response is committed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InternalRoutesFilter implements WebFilter {

	static final String PREFIX = "/internal/";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!exchange.getRequest().getPath().value().startsWith(PREFIX)) {
			return chain.filter(exchange);
		}
		exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> secure(exchange.getResponse().getHeaders())));
		return chain.filter(exchange);
	}

	private static void secure(HttpHeaders headers) {
		headers.setCacheControl("no-store");
		headers.headerNames()
			.stream()
			.filter((name) -> name.regionMatches(true, 0, "Access-Control-", 0, 15))
			.toList()
			.forEach(headers::remove);
	}

}
