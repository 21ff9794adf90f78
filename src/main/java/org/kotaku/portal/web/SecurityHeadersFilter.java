package org.kotaku.portal.web;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Security headers on every answer: a Content-Security-Policy without {@code unsafe-inline} (MapLibre needs
 * {@code blob:} workers and images), no MIME sniffing, a strict referrer policy, and no framing except for the
 * embeddable widgets under {@code /embed/}.
 */
@Component
@Order(SecurityHeadersFilter.ORDER)
class SecurityHeadersFilter implements WebFilter {

	static final int ORDER = -180;

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
			+ "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; child-src 'self' blob:; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors ";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		boolean embeddable = exchange.getRequest().getPath().value().startsWith("/embed/");
		exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> secure(exchange, embeddable)));
		return chain.filter(exchange);
	}

	private static void secure(ServerWebExchange exchange, boolean embeddable) {
		HttpHeaders headers = exchange.getResponse().getHeaders();
		headers.set("Content-Security-Policy", CSP + (embeddable ? "*" : "'none'"));
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
		if (!embeddable) {
			headers.set("X-Frame-Options", "DENY");
		}
	}

}
