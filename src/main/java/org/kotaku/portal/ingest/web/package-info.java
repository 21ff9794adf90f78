/**
 * The internal, authenticated routes of ingestion ({@code POST
 * /internal/v1/ingest/{dataset}}, {@code GET /internal/v1/batches/{id}}): the API key
 * filter, the upload's parameters, size limits and idempotency, and its rows decoded from
 * NDJSON, a JSON array or CSV, handed to {@code IngestService}. Depends on
 * {@code ingest}, {@code ingest.batch}, {@code ingest.dataset}, {@code ingest.keys},
 * {@code ingest.validation}, {@code api} and {@code region}.
 */
package org.kotaku.portal.ingest.web;
