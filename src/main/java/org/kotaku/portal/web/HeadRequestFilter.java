package org.kotaku.portal.web;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers {@code HEAD} on every public GET route (functional routes match GET only): the
 * request is routed as a GET, and WebFlux drops the body of an answer to a HEAD request
 * while keeping its headers.
 */
@Component
@Order(HeadRequestFilter.ORDER)
class HeadRequestFilter implements WebFilter {

	static final int ORDER = -170;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!HttpMethod.HEAD.equals(exchange.getRequest().getMethod())) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate().request((request) -> request.method(HttpMethod.GET)).build());
	}

}
