package org.kotaku.portal.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

import reactor.core.publisher.Mono;

import org.kotaku.portal.dataversion.DataVersion;
import org.kotaku.portal.dataversion.DataVersions;
import org.kotaku.portal.httpcache.ResponseCache;
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
 * Conditional GETs for every public read: the ETag is the current data version plus a hash of the request
 * (path, query and {@code Accept}), so it changes exactly when new data are committed. A matching
 * {@code If-None-Match} is answered 304 before any handler runs. Successful answers get the ETag,
 * {@code Cache-Control: public, max-age}, {@code Vary: Accept} and the {@code X-Data-Version} and
 * {@code X-Data-As-Of} headers, unless the handler set its own. If the version cannot be read (database down),
 * or not within {@link #VERSION_WAIT}, the request goes ahead without an ETag, so answers served from memory keep
 * working. Paths the read model's {@link ResponseCache} answers skip this filter: their answers carry the ETag and
 * freshness of the snapshot they were rendered from, and the first requests after a new snapshot then render it
 * without a database round trip each.
 */
@Component
@Order(ConditionalGetFilter.ORDER)
class ConditionalGetFilter implements WebFilter {

	static final int ORDER = -160;

	/**
	 * How long a request waits for the version before it goes ahead without one. With the database down, the
	 * connection pool can hold an acquisition for many seconds (it retries past dead connections); answers served
	 * from memory must not wait for that.
	 */
	static final Duration VERSION_WAIT = Duration.ofSeconds(2);

	static final List<String> PUBLIC_PREFIXES = List.of("/api/", "/ogc", "/tiles/", "/openapi/", "/docs/");

	private final DataVersions versions;

	private final HttpProperties properties;

	private final ResponseCache responses;

	ConditionalGetFilter(DataVersions versions, HttpProperties properties, ResponseCache responses) {
		this.versions = versions;
		this.properties = properties;
		this.responses = responses;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!isPublicRead(request) || this.responses.answers(request.getPath().pathWithinApplication().value())) {
			return chain.filter(exchange);
		}
		return this.versions.current()
			.timeout(VERSION_WAIT)
			.map(Optional::of)
			.onErrorReturn(Optional.empty())
			.flatMap((version) -> version.isPresent() ? conditional(exchange, chain, version.get()) : chain.filter(exchange));
	}

	private Mono<Void> conditional(ServerWebExchange exchange, WebFilterChain chain, DataVersion version) {
		exchange.getAttributes().put(DataVersion.ATTRIBUTE, version);
		String etag = etag(exchange.getRequest(), version);
		ServerHttpResponse response = exchange.getResponse();
		if (matches(exchange.getRequest().getHeaders().getFirst(HttpHeaders.IF_NONE_MATCH), etag)) {
			response.setStatusCode(HttpStatus.NOT_MODIFIED);
			describe(response.getHeaders(), etag, version);
			return response.setComplete();
		}
		response.beforeCommit(() -> Mono.fromRunnable(() -> describeSuccess(response, etag, version)));
		return chain.filter(exchange);
	}

	private void describeSuccess(ServerHttpResponse response, String etag, DataVersion version) {
		if (response.getStatusCode() != null && response.getStatusCode().is2xxSuccessful()) {
			describe(response.getHeaders(), etag, version);
		}
	}

	private void describe(HttpHeaders headers, String etag, DataVersion version) {
		if (headers.getETag() == null) {
			headers.setETag(etag);
		}
		if (headers.getCacheControl() == null) {
			headers.setCacheControl("public, max-age=" + this.properties.maxAge().toSeconds());
		}
		if (!headers.getVary().contains(HttpHeaders.ACCEPT)) {
			headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT);
		}
		headers.set("X-Data-Version", Long.toString(version.version()));
		if (version.asOf() != null) {
			headers.set("X-Data-As-Of", version.asOf().toString());
		}
	}

	static boolean isPublicRead(ServerHttpRequest request) {
		HttpMethod method = request.getMethod();
		String path = request.getPath().value();
		return (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
				&& PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
	}

	/** A weak ETag: the data version and a hash of what selects the representation. */
	static String etag(ServerHttpRequest request, DataVersion version) {
		CRC32C crc = new CRC32C();
		String accept = String.valueOf(request.getHeaders().getFirst(HttpHeaders.ACCEPT));
		crc.update((request.getURI().getRawPath() + "?" + request.getURI().getRawQuery() + "|" + accept)
			.getBytes(StandardCharsets.UTF_8));
		return "W/\"" + version.version() + "-" + Long.toHexString(crc.getValue()) + "\"";
	}

	/** Whether an {@code If-None-Match} value names this ETag (weak comparison, RFC 9110 13.1.2). */
	static boolean matches(String ifNoneMatch, String etag) {
		if (ifNoneMatch == null) {
			return false;
		}
		String opaque = etag.substring(2);
		for (String candidate : ifNoneMatch.split(",")) {
			String tag = candidate.strip();
			if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(opaque)) {
				return true;
			}
		}
		return false;
	}

}
