package org.kotaku.portal.httpcache;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.kotaku.portal.dataversion.DataVersion;
import org.kotaku.portal.dataversion.DataVersions;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Conditional GETs of the routed public reads (searches, records, OGC API, the change
 * log, the contract): the ETag ({@link ConditionalGet#etag}) is the database's current
 * data version and the request's {@link RequestKey}, so it changes exactly when new data
 * are committed. A matching {@code If-None-Match} is answered 304 before any handler
 * runs; successful answers are described as they are sent
 * ({@link ConditionalGet#describeWhenSent}: {@code Vary: Accept} and the routed answers'
 * Cache-Control), unless the handler set its own ETag. The version read is kept for the
 * handler ({@link DataVersions#of}). If it cannot be read (database down), or not within
 * {@link #VERSION_WAIT}, the request goes ahead without an ETag, so answers served from
 * memory keep working. Routes declared {@link SelfValidatingRoutes} are left alone: they
 * answer conditional requests themselves.
 */
@Component
@Order(ConditionalGetFilter.ORDER)
class ConditionalGetFilter implements WebFilter {

	static final int ORDER = -160;

	/**
	 * How long a request waits for the version before it goes ahead without one. With the
	 * database down, the connection pool can hold an acquisition for many seconds (it
	 * retries past dead connections); answers served from memory must not wait for that.
	 */
	static final Duration VERSION_WAIT = Duration.ofSeconds(2);

	static final List<String> PUBLIC_PREFIXES = List.of("/api/", "/ogc", "/tiles/", "/openapi/", "/docs/");

	private final DataVersions versions;

	private final String cacheControl;

	private final DeclaredRoutes selfValidating;

	ConditionalGetFilter(DataVersions versions, HttpCacheProperties properties, DeclaredRoutes selfValidating) {
		this.versions = versions;
		this.cacheControl = properties.routedCacheControl();
		this.selfValidating = selfValidating;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!isPublicRead(request) || this.selfValidating.covers(request.getPath().pathWithinApplication())) {
			return chain.filter(exchange);
		}
		return this.versions.current()
			.timeout(VERSION_WAIT)
			.map(Optional::of)
			.onErrorReturn(Optional.empty())
			.flatMap((version) -> version.isPresent() ? conditional(exchange, chain, version.get())
					: chain.filter(exchange));
	}

	private Mono<Void> conditional(ServerWebExchange exchange, WebFilterChain chain, DataVersion version) {
		exchange.getAttributes().put(DataVersion.ATTRIBUTE, version);
		String etag = ConditionalGet.etag(version.version(), RequestKey.of(exchange.getRequest()));
		ServerHttpResponse response = exchange.getResponse();
		if (ConditionalGet.matches(exchange.getRequest().getHeaders().get(HttpHeaders.IF_NONE_MATCH), etag)) {
			response.setStatusCode(HttpStatus.NOT_MODIFIED);
			ConditionalGet.describe(response.getHeaders(), etag, this.cacheControl, HttpHeaders.ACCEPT, version);
			return response.setComplete();
		}
		ConditionalGet.describeWhenSent(response, etag, this.cacheControl, HttpHeaders.ACCEPT, version);
		return chain.filter(exchange);
	}

	static boolean isPublicRead(ServerHttpRequest request) {
		HttpMethod method = request.getMethod();
		String path = request.getPath().value();
		return (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
				&& PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
	}

}
