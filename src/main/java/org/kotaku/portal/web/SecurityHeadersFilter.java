package org.kotaku.portal.web;

import reactor.core.publisher.Mono;

import org.kotaku.portal.httpcache.AnswerHeaders;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The one writer of the security headers, on every answer: a Content-Security-Policy
 * without {@code unsafe-inline} (MapLibre needs {@code blob:} workers and images; a
 * deployment's external base-map style, {@code portal.site.map-style-url}, has its origin
 * allowed for images, fonts and connections), no MIME sniffing, a strict referrer policy,
 * and no framing except for the embeddable widgets under {@code /embed/}. Cached answers
 * replayed before the filters run get the same headers ({@link AnswerHeaders}).
 */
@Component
@Order(SecurityHeadersFilter.ORDER)
class SecurityHeadersFilter implements WebFilter, AnswerHeaders {

	static final int ORDER = -180;

	private final String policy;

	SecurityHeadersFilter(SiteProperties site) {
		this.policy = policy(site.mapStyleOrigin().map((origin) -> " " + origin).orElse(""));
	}

	/**
	 * The policy, with {@code external} (a space and an origin, or nothing) allowed where
	 * a base map needs it.
	 */
	static String policy(String external) {
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:" + external
				+ "; font-src 'self' data:" + external + "; connect-src 'self'" + external
				+ "; worker-src 'self' blob:; child-src 'self' blob:; object-src 'none'; base-uri 'self'; "
				+ "form-action 'self'; frame-ancestors ";
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		exchange.getResponse()
			.beforeCommit(() -> Mono.fromRunnable(() -> addTo(path, exchange.getResponse().getHeaders())));
		return chain.filter(exchange);
	}

	@Override
	public void addTo(String path, HttpHeaders headers) {
		boolean embeddable = path.startsWith("/embed/");
		headers.set("Content-Security-Policy", this.policy + (embeddable ? "*" : "'none'"));
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
		if (!embeddable) {
			headers.set("X-Frame-Options", "DENY");
		}
	}

}
