package org.kotaku.portal.bulk;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.bulk.*}: where the bulk files live and how many versions are kept.
 *
 * @param enabled whether files are generated after each ingestion (serving what is on
 * disk always works)
 * @param directory the folder of the files, one sub-folder per data version
 * @param keep how many data versions are kept on disk (at least 2, so that a mirror on
 * the previous version can still download its delta); older ones are deleted and answer
 * 410
 * @param retryAfter how long after a failed generation it is tried again
 * @param lanes how many datasets are read and written side by side, each on a database
 * connection of its own
 */
@ConfigurationProperties("portal.bulk")
public record BulkProperties(@DefaultValue("true") boolean enabled, @DefaultValue("var/bulk") Path directory,
		@DefaultValue("3") int keep, @DefaultValue("30s") Duration retryAfter, @DefaultValue("2") int lanes) {

	public BulkProperties {
		if (keep < 2) {
			throw new IllegalArgumentException("portal.bulk.keep must be at least 2, not " + keep);
		}
		if (lanes < 1) {
			throw new IllegalArgumentException("portal.bulk.lanes must be at least 1, not " + lanes);
		}
		directory = directory.toAbsolutePath().normalize();
	}

}
