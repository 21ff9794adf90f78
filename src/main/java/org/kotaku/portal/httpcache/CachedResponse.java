package org.kotaku.portal.httpcache;

import java.nio.ByteBuffer;
import java.time.Instant;

import org.kotaku.portal.dataversion.DataVersion;
import org.springframework.http.HttpHeaders;

/**
 * One answer rendered once per data version and request: its bytes, their gzip variant
 * (null when too small to be worth it), content type and ETag, and the data version and
 * as-of time it was built from; with everything an answer needs prepared once, so that a
 * replay does no per-request work beyond choosing a variant: the headers of the 304,
 * plain and gzip answers, and the bytes again in direct (off-heap) memory, which the
 * server writes to the socket without copying them first (a heap array is copied into a
 * direct buffer on every write).
 */
public record CachedResponse(String etag, long version, Instant asOf, String contentType, byte[] body, byte[] gzip,
		HttpHeaders notModifiedHeaders, HttpHeaders plainHeaders, HttpHeaders gzipHeaders, ByteBuffer directBody,
		ByteBuffer directGzip, String route) {

	/**
	 * What a cached answer varies with: the representation ({@link RequestKey}) and its
	 * encoding.
	 */
	static final String VARY = "Accept, Accept-Encoding";

	/**
	 * The route of an answer whose route pattern is not known (as the framework's metrics
	 * name it).
	 */
	static final String UNKNOWN_ROUTE = "UNKNOWN";

	/**
	 * Prepares an answer of {@code version}: its validator and freshness headers
	 * ({@link ConditionalGet#describe}, with {@code cacheControl}) and the {@code extra}
	 * headers (those the {@link AnswerHeaders} beans give its path: security headers,
	 * CORS, licence) go on every variant; {@code route} is the pattern of the route that
	 * answers it (e.g. {@code /api/v1/summary}), the {@code uri} of the fast path's
	 * request metrics, null when unknown.
	 */
	static CachedResponse of(String etag, DataVersion version, String contentType, byte[] body, byte[] gzip,
			String cacheControl, HttpHeaders extra, String route) {
		HttpHeaders common = new HttpHeaders();
		ConditionalGet.describe(common, etag, cacheControl, VARY, version);
		common.putAll(extra);
		HttpHeaders plain = withBody(common, contentType, body.length, null);
		HttpHeaders zipped = gzip == null ? null : withBody(common, contentType, gzip.length, "gzip");
		return new CachedResponse(etag, version.version(), version.asOf(), contentType, body, gzip,
				HttpHeaders.readOnlyHttpHeaders(common), plain, zipped, direct(body),
				gzip == null ? null : direct(gzip), route == null ? UNKNOWN_ROUTE : route);
	}

	/**
	 * Bytes the cache holds for this answer (the weight of a cache entry): heap and
	 * direct copies.
	 */
	int weight() {
		return 2 * (this.body.length + (this.gzip == null ? 0 : this.gzip.length)) + 1024;
	}

	private static HttpHeaders withBody(HttpHeaders common, String contentType, int length, String encoding) {
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(common);
		headers.set(HttpHeaders.CONTENT_TYPE, contentType);
		if (encoding != null) {
			headers.set(HttpHeaders.CONTENT_ENCODING, encoding);
		}
		headers.setContentLength(length);
		return HttpHeaders.readOnlyHttpHeaders(headers);
	}

	/**
	 * A read-only direct copy; every answer writes its own {@link ByteBuffer#duplicate()
	 * duplicate}.
	 */
	private static ByteBuffer direct(byte[] bytes) {
		ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length);
		buffer.put(bytes).flip();
		return buffer.asReadOnlyBuffer();
	}

}
