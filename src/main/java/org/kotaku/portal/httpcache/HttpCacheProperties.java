package org.kotaku.portal.httpcache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The one set of HTTP caching settings ({@code portal.http-cache.*}): the response
 * cache's size in bytes of rendered answers (plain and gzip together), how long browsers
 * and shared caches may keep a public answer before they revalidate it with its ETag
 * ({@code max-age}, for every public answer), how much longer they may serve a cached
 * answer stale while they revalidate it, and whether cache hits are answered before
 * routing (the fast path).
 */
@ConfigurationProperties("portal.http-cache")
public record HttpCacheProperties(@DefaultValue("64MB") DataSize maxSize, @DefaultValue("60s") Duration maxAge,
		@DefaultValue("300s") Duration staleWhileRevalidate, @DefaultValue("true") boolean fastPath) {

	/** The Cache-Control of an answer of the response cache. */
	String cacheControl() {
		return routedCacheControl() + ", stale-while-revalidate=" + this.staleWhileRevalidate.toSeconds();
	}

	/**
	 * The Cache-Control of a routed public answer (searches, records, OGC API, the change
	 * log).
	 */
	String routedCacheControl() {
		return "public, max-age=" + this.maxAge.toSeconds();
	}

}
