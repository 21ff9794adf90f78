package org.kotaku.portal.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.ingest.database.*}: the connection pool of ingestion, apart from the one
 * public reads use (so uploads waiting for each other never take a connection a reader
 * needs), and how long a staged batch waits for the merge lock before it answers 503 with
 * Retry-After.
 *
 * @param poolSize connections for batches at once (each upload holds one while it streams
 * in)
 * @param lockWait the longest a staged batch waits for the batch in front of it to merge
 * @param rebuildFromRows a batch that inserts at least this many new rows into a large
 * table, and at least as many as the table holds already, rebuilds the table beside the
 * live one and swaps it in (the bulk path of {@code TableRebuild})
 */
@ConfigurationProperties("portal.ingest.database")
public record IngestDatabaseProperties(@DefaultValue("4") int poolSize, @DefaultValue("60s") Duration lockWait,
		@DefaultValue("100000") long rebuildFromRows) {
}
