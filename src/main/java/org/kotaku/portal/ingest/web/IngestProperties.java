package org.kotaku.portal.ingest.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code portal.ingest.*}: the limits of one upload as it streams in.
 *
 * @param maxBodySize the largest upload accepted (413 above it)
 * @param maxRowSize the largest single row (a region with a detailed boundary is the
 * biggest), which bounds what the JSON decoder holds in memory at once
 * @param idleTimeout the longest pause between two pieces of the body (408 after it)
 * @param uploadTimeout the longest an upload may take from its first byte to its last
 * (408 after it)
 */
@ConfigurationProperties("portal.ingest")
public record IngestProperties(@DefaultValue("2GB") DataSize maxBodySize, @DefaultValue("32MB") DataSize maxRowSize,
		@DefaultValue("60s") Duration idleTimeout, @DefaultValue("60m") Duration uploadTimeout) {
}
