package org.kotaku.portal.listing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.exports.*}: how many streamed exports ({@code limit=all}) run at once.
 * Each holds a connection of the public pool while the client reads, so the overall bound
 * stays well under the pool's size.
 *
 * @param maxConcurrent exports at once in all (503 past it)
 * @param maxPerClient exports at once from one client address (429 past it)
 */
@ConfigurationProperties("portal.exports")
public record ExportProperties(@DefaultValue("4") int maxConcurrent, @DefaultValue("2") int maxPerClient) {
}
