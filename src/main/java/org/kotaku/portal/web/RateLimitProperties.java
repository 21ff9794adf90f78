package org.kotaku.portal.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-client rate limit of the public endpoints ({@code portal.rate-limit}): a token
 * bucket per client address ({@link ClientAddress}, behind trusted proxies the forwarded
 * client).
 *
 * @param enabled whether requests are limited at all
 * @param capacity the burst: requests a client may make at once after being idle
 * @param refillPerSecond the sustained rate: requests per second a client may make for
 * ever
 * @param maxClients how many client addresses are tracked at once (least recently seen
 * are forgotten)
 */
@ConfigurationProperties("portal.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("600") long capacity,
		@DefaultValue("100") double refillPerSecond, @DefaultValue("100000") long maxClients) {
}
