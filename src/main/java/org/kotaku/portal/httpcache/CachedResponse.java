package org.kotaku.portal.httpcache;

import java.time.Instant;

/**
 * One answer rendered once per data version and request: its bytes, their gzip variant (null when too small to be
 * worth it), content type and ETag, and the data version and as-of time it was built from.
 */
public record CachedResponse(String etag, long version, Instant asOf, String contentType, byte[] body, byte[] gzip) {

	/** Bytes the cache holds for this answer (the weight of a cache entry). */
	int weight() {
		return this.body.length + (this.gzip == null ? 0 : this.gzip.length) + 256;
	}

}
