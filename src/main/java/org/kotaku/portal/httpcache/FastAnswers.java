package org.kotaku.portal.httpcache;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * A store of prepared answers the {@link FastPath} may replay before routing: the
 * response cache of rendered public answers, the tiles of the current data version. It
 * must only hand out an answer identical to the one the routed handler gives for this
 * request (same bytes and headers) at data version {@code version}. Declare one as a
 * bean.
 */
@FunctionalInterface
public interface FastAnswers {

	/**
	 * The prepared answer to this GET or HEAD request at the read model's data version,
	 * or null.
	 */
	CachedResponse find(ServerHttpRequest request, long version);

}
