package org.kotaku.portal.httpcache;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * A check the {@link FastPath} makes before answering from the cache; a request it does
 * not allow goes through the normal filter chain instead (where, for example, a rate
 * limiter answers 429). Declare one as a bean.
 */
@FunctionalInterface
public interface FastPathGuard {

	boolean allows(ServerHttpRequest request);

}
