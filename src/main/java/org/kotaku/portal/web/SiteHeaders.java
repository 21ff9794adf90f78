package org.kotaku.portal.web;

import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Security and cache headers of the map site: a content security policy without {@code unsafe-inline} that
 * lets only {@code /embed/...} be framed by other sites, {@code nosniff}, a strict referrer policy, and a
 * one-year immutable lifetime for the hashed files under {@code /assets/}.
 */
@Component
class SiteHeaders implements WebFilter {

	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	private final String pagePolicy;

	private final String embedPolicy;

	SiteHeaders(SiteProperties properties) {
		String external = properties.mapStyleOrigin().map((origin) -> " " + origin).orElse("");
		String common = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:" + external
				+ "; connect-src 'self'" + external + "; worker-src 'self' blob:; font-src 'self'" + external
				+ "; object-src 'none'; base-uri 'self'; form-action 'self'";
		this.pagePolicy = common + "; frame-ancestors 'none'";
		this.embedPolicy = common + "; frame-ancestors *";
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		HttpHeaders headers = exchange.getResponse().getHeaders();
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
		policyFor(path).ifPresent((policy) -> headers.set("Content-Security-Policy", policy));
		if (isSitePage(path) && !path.startsWith("/embed/")) {
			headers.set("X-Frame-Options", "DENY");
		}
		if (path.startsWith("/assets/")) {
			overrideCacheControl(exchange, IMMUTABLE);
		}
		else if (path.equals("/index.html")) {
			overrideCacheControl(exchange, "no-cache");
		}
		return chain.filter(exchange);
	}

	/** The content security policy of a site page; none for the API, tiles and assets. */
	Optional<String> policyFor(String path) {
		if (!isSitePage(path)) {
			return Optional.empty();
		}
		return Optional.of(path.startsWith("/embed/") ? this.embedPolicy : this.pagePolicy);
	}

	/** Sets Cache-Control just before the response is sent, over what the resource handler chose. */
	private static void overrideCacheControl(ServerWebExchange exchange, String value) {
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(HttpHeaders.CACHE_CONTROL, value);
			return Mono.empty();
		});
	}

	/** Pages of the site (HTML), as opposed to the API, tiles and assets. */
	static boolean isSitePage(String path) {
		return path.equals("/") || path.equals("/index.html") || path.equals("/peta") || path.equals("/sekitar")
				|| path.equals("/data") || path.equals("/about") || path.equals("/aksesibilitas")
				|| path.startsWith("/wilayah/") || path.startsWith("/embed/") || path.startsWith("/kegiatan/")
				|| path.startsWith("/kawasan/");
	}

}
