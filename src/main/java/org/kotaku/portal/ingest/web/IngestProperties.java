package org.kotaku.portal.ingest.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code portal.ingest.*}: the largest upload accepted (413 above it), and the largest single row (a region
 * with a detailed boundary is the biggest), which bounds what the JSON decoder holds in memory at once.
 */
@ConfigurationProperties("portal.ingest")
public record IngestProperties(@DefaultValue("2GB") DataSize maxBodySize, @DefaultValue("32MB") DataSize maxRowSize) {
}
