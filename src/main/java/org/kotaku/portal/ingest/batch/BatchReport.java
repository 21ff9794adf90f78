package org.kotaku.portal.ingest.batch;

import java.time.Instant;

/**
 * The record of a committed batch, as returned to the loader and kept in the change log.
 */
public record BatchReport(long id, String dataset, String source, String mode, long dataVersion, long rowsReceived,
		long rowsInserted, long rowsUpdated, long rowsDeleted, long rowsUnchanged, String checksum, boolean synthetic,
		Instant receivedAt, Instant committedAt, long validateMillis, long mergeMillis) {
}
