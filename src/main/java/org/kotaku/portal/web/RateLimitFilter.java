package org.kotaku.portal.web;

import java.time.Duration;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.api.ProblemType;
import org.kotaku.portal.api.Problems;
import org.kotaku.portal.httpcache.FastPathGuard;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Limits every client address to a token bucket ({@link RateLimitProperties}); past it
 * the answer is a 429 {@code rate-limited} problem with {@code Retry-After}. Health and
 * metrics ({@code /actuator/**}) are not limited. Cached answers replayed before the
 * filters run count too ({@link FastPathGuard}): a client past its limit is sent down the
 * normal path, where this filter answers 429.
 */
@Component
@Order(RateLimitFilter.ORDER)
class RateLimitFilter implements WebFilter, FastPathGuard {

	static final int ORDER = -200;

	private final RateLimitProperties properties;

	private final Cache<String, TokenBucket> buckets;

	RateLimitFilter(RateLimitProperties properties) {
		this.properties = properties;
		this.buckets = Caffeine.newBuilder()
			.maximumSize(properties.maxClients())
			.expireAfterAccess(Duration.ofMinutes(10))
			.build();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long retryAfter = take(exchange.getRequest());
		if (retryAfter > 0) {
			return Mono.error(new PortalException(ProblemType.RATE_LIMITED,
					"Too many requests from your address; " + "retry after " + retryAfter + " s. The limit is "
							+ this.properties.capacity() + " requests at once and " + this.properties.refillPerSecond()
							+ " per second.",
					Map.of(Problems.RETRY_AFTER, retryAfter), null));
		}
		return chain.filter(exchange);
	}

	/**
	 * Takes a token for a request the fast path would answer; false (and no answer from
	 * it) past the limit.
	 */
	@Override
	public boolean allows(ServerHttpRequest request) {
		return take(request) == 0;
	}

	/**
	 * Takes a token from the client's bucket; 0 when it had one, else the seconds until
	 * it will.
	 */
	private long take(ServerHttpRequest request) {
		if (!this.properties.enabled() || request.getPath().value().startsWith("/actuator/")) {
			return 0;
		}
		long now = System.nanoTime();
		TokenBucket bucket = this.buckets.get(ClientAddress.of(request),
				(key) -> new TokenBucket(this.properties.capacity(), this.properties.refillPerSecond(), now));
		return bucket.tryTake(now);
	}

}
