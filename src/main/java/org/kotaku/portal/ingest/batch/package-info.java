/**
 * A batch as the rest of the portal sees it: the request
 * ({@link org.kotaku.portal.ingest.batch.IngestRequest}: dataset, source, mode and scope,
 * idempotency key), the report of a committed batch
 * ({@link org.kotaku.portal.ingest.batch.BatchReport}) and the batch log
 * ({@link org.kotaku.portal.ingest.batch.BatchLog}) that reads {@code ingest_batch} back:
 * by id and idempotency key on the primary, newest first for the change feed. The
 * pipeline writes that table inside the batch's transaction
 * ({@code ingest.pipeline.BatchBookkeeping}). Depends on {@code ingest.dataset} and
 * {@code api}.
 */
package org.kotaku.portal.ingest.batch;
