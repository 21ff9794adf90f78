package org.kotaku.portal.httpcache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the response cache ({@code portal.http-cache.*}): its size in bytes of rendered answers (plain and
 * gzip together), the {@code max-age} and {@code stale-while-revalidate} of the {@code Cache-Control} header,
 * and whether cache hits are answered before routing (the fast path).
 */
@ConfigurationProperties("portal.http-cache")
public record HttpCacheProperties(@DefaultValue("64MB") DataSize maxSize, @DefaultValue("60s") Duration maxAge,
		@DefaultValue("300s") Duration staleWhileRevalidate, @DefaultValue("true") boolean fastPath) {

	String cacheControl() {
		return "public, max-age=" + this.maxAge.toSeconds() + ", stale-while-revalidate="
				+ this.staleWhileRevalidate.toSeconds();
	}

}
