package org.kotaku.portal.web;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Cache headers of the map site's files: a one-year immutable lifetime for the hashed
 * files under {@code /assets/}, and revalidation of {@code /index.html} on every use.
 * (Its pages' security headers are everybody's: {@link SecurityHeadersFilter}.)
 */
@Component
class SiteCacheHeaders implements WebFilter {

	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (path.startsWith("/assets/")) {
			overrideCacheControl(exchange, IMMUTABLE);
		}
		else if (path.equals("/index.html")) {
			overrideCacheControl(exchange, "no-cache");
		}
		return chain.filter(exchange);
	}

	/**
	 * Sets Cache-Control just before the response is sent, over what the resource handler
	 * chose.
	 */
	private static void overrideCacheControl(ServerWebExchange exchange, String value) {
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(HttpHeaders.CACHE_CONTROL, value);
			return Mono.empty();
		});
	}

}
