package org.kotaku.portal.web;

import reactor.core.publisher.Mono;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.api.QueryString;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses, on every route, a query string that is not well-formed ({@link QueryString}):
 * bad percent escapes, bytes that are not UTF-8, control characters. Runs after the CORS
 * and security-header filters, so the 400 problem carries their headers too.
 */
@Component
@Order(QueryStringFilter.ORDER)
class QueryStringFilter implements WebFilter {

	static final int ORDER = -155;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		try {
			QueryString.check(exchange.getRequest().getURI().getRawQuery());
		}
		catch (PortalException ex) {
			return Mono.error(ex);
		}
		return chain.filter(exchange);
	}

}
