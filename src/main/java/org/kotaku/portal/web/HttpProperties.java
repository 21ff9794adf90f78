package org.kotaku.portal.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTP conventions of the public answers ({@code portal.http}); how long they may be
 * cached is {@code portal.http-cache.*}
 * ({@link org.kotaku.portal.httpcache.HttpCacheProperties}).
 *
 * @param trustedProxies address blocks of the reverse proxies and load balancers in front
 * of the node: only their {@code X-Forwarded-*} headers are believed (client address,
 * public scheme, host and port); empty means the node faces clients directly and every
 * forwarded header is dropped
 * @param internalNetworks address blocks, besides loopback, whose callers may read the
 * health details and metrics
 * @param hstsMaxAge {@code Strict-Transport-Security} max-age sent on answers to https
 * requests; 0 sends none
 * @param headerTimeout the longest from a request's first byte to its last header line
 * (408 after it, see {@link HeaderDeadline}); 0 means no limit
 */
@ConfigurationProperties("portal.http")
public record HttpProperties(@DefaultValue List<String> trustedProxies, @DefaultValue List<String> internalNetworks,
		@DefaultValue("365d") Duration hstsMaxAge, @DefaultValue("20s") Duration headerTimeout) {
}
