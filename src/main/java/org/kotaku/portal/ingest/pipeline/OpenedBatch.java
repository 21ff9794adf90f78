package org.kotaku.portal.ingest.pipeline;

/**
 * A batch recorded in {@code ingest_batch} inside its transaction: its id and the data
 * version it drew.
 */
public record OpenedBatch(long id, long version) {
}
