package org.kotaku.portal.httpcache;

import java.nio.ByteBuffer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * How one request is answered from a {@link CachedResponse}: 304 when
 * {@code If-None-Match} names its ETag, otherwise 200 with the gzip bytes when the client
 * accepts gzip, else the plain bytes (no bytes for HEAD); always with the same headers,
 * prepared once per cached response: ETag, Cache-Control, Vary, X-Data-Version,
 * X-Data-As-Of ({@link ConditionalGet}) and those the {@link AnswerHeaders} beans give
 * its path (security headers, CORS, licence). The fast path and the routed handlers both
 * answer through this one decision. {@code body} and {@code buffer} hold the same bytes
 * (a heap array, and a duplicate of their direct copy for writing to the socket).
 */
public record CachedAnswer(HttpStatus status, HttpHeaders headers, byte[] body, ByteBuffer buffer) {

	static CachedAnswer of(ServerHttpRequest request, CachedResponse cached) {
		HttpHeaders requestHeaders = request.getHeaders();
		if (ConditionalGet.matches(requestHeaders.get(HttpHeaders.IF_NONE_MATCH), cached.etag())) {
			return new CachedAnswer(HttpStatus.NOT_MODIFIED, cached.notModifiedHeaders(), null, null);
		}
		boolean gzip = AcceptEncoding.acceptsGzip(requestHeaders.get(HttpHeaders.ACCEPT_ENCODING))
				&& cached.gzip() != null;
		HttpHeaders headers = gzip ? cached.gzipHeaders() : cached.plainHeaders();
		if (HttpMethod.HEAD.equals(request.getMethod())) {
			return new CachedAnswer(HttpStatus.OK, headers, null, null);
		}
		return gzip ? new CachedAnswer(HttpStatus.OK, headers, cached.gzip(), cached.directGzip().duplicate())
				: new CachedAnswer(HttpStatus.OK, headers, cached.body(), cached.directBody().duplicate());
	}

}
