package org.kotaku.portal.web;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS: the public data ({@code /api/**}, {@code /ogc/**}, {@code /tiles/**}, the bulk files and the catalogs) may be read from any origin with
 * GET; nothing else is opened, and {@code /internal/**} never is.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfig {

	static final List<String> OPEN_PATHS = List.of("/api/**", "/ogc/**", "/ogc", "/tiles/**", "/downloads/**",
			"/downloads", "/catalog.jsonld", "/datapackage.json");

	@Bean
	@Order(-190)
	CorsWebFilter corsWebFilter() {
		CorsConfiguration open = new CorsConfiguration();
		open.addAllowedOrigin("*");
		open.setAllowedMethods(List.of("GET", "HEAD", "OPTIONS"));
		open.addAllowedHeader("*");
		open.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LINK, HttpHeaders.RETRY_AFTER, "X-Data-Version",
				"X-Data-As-Of", "X-Row-Count", "X-Spreadsheet-Warning", HttpHeaders.CONTENT_RANGE, HttpHeaders.ACCEPT_RANGES,
				HttpHeaders.CONTENT_LENGTH, HttpHeaders.LAST_MODIFIED));
		open.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		OPEN_PATHS.forEach((path) -> source.registerCorsConfiguration(path, open));
		return new CorsWebFilter(source);
	}

}
