package org.kotaku.portal.httpcache;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * How one request is answered from a {@link CachedResponse}: 304 when {@code If-None-Match} names its ETag,
 * otherwise 200 with the gzip bytes when the client accepts gzip, else the plain bytes (no bytes for HEAD);
 * always with the same headers: ETag, Cache-Control, Vary, X-Data-Version, X-Data-As-Of, open CORS for public
 * GETs and nosniff. The fast path and the routed handlers both answer through this one decision.
 */
public record CachedAnswer(HttpStatus status, HttpHeaders headers, byte[] body) {

	static final String DATA_VERSION = "X-Data-Version";

	static final String DATA_AS_OF = "X-Data-As-Of";

	static CachedAnswer of(ServerHttpRequest request, CachedResponse cached, String cacheControl) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ETAG, cached.etag());
		headers.set(HttpHeaders.CACHE_CONTROL, cacheControl);
		headers.set(HttpHeaders.VARY, "Accept, Accept-Encoding");
		headers.set(DATA_VERSION, Long.toString(cached.version()));
		if (cached.asOf() != null) {
			headers.set(DATA_AS_OF, cached.asOf().toString());
		}
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "ETag, X-Data-Version, X-Data-As-Of");
		headers.set("X-Content-Type-Options", "nosniff");
		if (notModified(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH), cached.etag())) {
			return new CachedAnswer(HttpStatus.NOT_MODIFIED, headers, null);
		}
		headers.set(HttpHeaders.CONTENT_TYPE, cached.contentType());
		byte[] body = cached.body();
		if (cached.gzip() != null && acceptsGzip(request.getHeaders().get(HttpHeaders.ACCEPT_ENCODING))) {
			headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
			body = cached.gzip();
		}
		headers.setContentLength(body.length);
		return new CachedAnswer(HttpStatus.OK, headers, HttpMethod.HEAD.equals(request.getMethod()) ? null : body);
	}

	/** RFC 9110 13.1.2: weak comparison; {@code *} matches any current representation. */
	static boolean notModified(List<String> ifNoneMatch, String etag) {
		if (ifNoneMatch == null) {
			return false;
		}
		String opaque = opaque(etag);
		for (String header : ifNoneMatch) {
			for (String tag : header.split(",")) {
				String candidate = tag.strip();
				if (candidate.equals("*") || opaque(candidate).equals(opaque)) {
					return true;
				}
			}
		}
		return false;
	}

	static boolean acceptsGzip(List<String> acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		for (String header : acceptEncoding) {
			for (String coding : header.split(",")) {
				String[] parts = coding.strip().split(";");
				if (parts[0].strip().equalsIgnoreCase("gzip") && !zeroQuality(parts)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean zeroQuality(String[] parts) {
		for (int i = 1; i < parts.length; i++) {
			String parameter = parts[i].strip().replace(" ", "");
			if (parameter.startsWith("q=") && Double.parseDouble("0" + parameter.substring(2).replaceAll("[^0-9.]", "")) == 0) {
				return true;
			}
		}
		return false;
	}

	private static String opaque(String tag) {
		return tag.startsWith("W/") ? tag.substring(2) : tag;
	}

}
