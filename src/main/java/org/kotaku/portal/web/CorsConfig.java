package org.kotaku.portal.web;

import java.time.Duration;
import java.util.List;

import org.kotaku.portal.httpcache.AnswerHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * CORS, the one owner: the public data ({@code /api/**}, {@code /ogc/**},
 * {@code /tiles/**}, the bulk files and the catalogs) may be read from any origin with
 * GET; nothing else is opened, and {@code /internal/**} never is. Routed answers get it
 * from the {@link CorsWebFilter}; cached answers, which the fast path replays before the
 * filters run, carry the same {@code Access-Control-Allow-Origin} and exposed headers
 * ({@link AnswerHeaders}).
 */
@Configuration(proxyBeanMethods = false)
class CorsConfig {

	static final List<String> OPEN_PATHS = List.of("/api/**", "/ogc/**", "/ogc", "/tiles/**", "/downloads/**",
			"/downloads", "/catalog.jsonld", "/datapackage.json");

	/** The answer headers a page on another origin may read. */
	static final List<String> EXPOSED = List.of(HttpHeaders.ETAG, HttpHeaders.LINK, HttpHeaders.RETRY_AFTER,
			"X-Data-Version", "X-Data-As-Of", "X-Row-Count", "X-Spreadsheet-Warning", HttpHeaders.CONTENT_RANGE,
			HttpHeaders.ACCEPT_RANGES, HttpHeaders.CONTENT_LENGTH, HttpHeaders.LAST_MODIFIED);

	@Bean
	@Order(-190)
	CorsWebFilter corsWebFilter() {
		CorsConfiguration open = new CorsConfiguration();
		open.addAllowedOrigin("*");
		open.setAllowedMethods(List.of("GET", "HEAD", "OPTIONS"));
		open.addAllowedHeader("*");
		open.setExposedHeaders(EXPOSED);
		open.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		OPEN_PATHS.forEach((path) -> source.registerCorsConfiguration(path, open));
		return new CorsWebFilter(source);
	}

	/**
	 * The CORS headers of a cached answer to an open path: any origin, and the exposed
	 * headers.
	 */
	@Bean
	AnswerHeaders corsOfCachedAnswers() {
		List<PathPattern> open = OPEN_PATHS.stream().map(PathPatternParser.defaultInstance::parse).toList();
		String exposed = String.join(", ", EXPOSED);
		return (path, headers) -> {
			PathContainer container = PathContainer.parsePath(path);
			if (open.stream().anyMatch((pattern) -> pattern.matches(container))) {
				headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
				headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed);
			}
		};
	}

}
