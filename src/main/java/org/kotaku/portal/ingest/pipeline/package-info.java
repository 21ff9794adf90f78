/**
 * The steps of one batch, each a cold {@code Mono} (nothing runs until it is subscribed
 * to), which {@code IngestService} puts in order:
 * {@link org.kotaku.portal.ingest.pipeline.BatchConnection} (the connection, its
 * transaction, the advisory lock that serialises merges, the notification delivered at
 * commit), {@link org.kotaku.portal.ingest.pipeline.Stage} (the stage table and the
 * upload validated and copied into it with COPY, {@code StagedRows}, {@code CopyText}),
 * {@link org.kotaku.portal.ingest.pipeline.StagedChecks},
 * {@link org.kotaku.portal.ingest.pipeline.BatchBookkeeping} (the batch's row in
 * {@code ingest_batch}), {@link org.kotaku.portal.ingest.pipeline.MergeSteps} (statements
 * of {@code MergeSql}), {@link org.kotaku.portal.ingest.pipeline.TableRebuild} (the bulk
 * path: the table rebuilt beside the live one and swapped in) and
 * {@link org.kotaku.portal.ingest.pipeline.StepTimings}. Every value a statement needs is
 * bound ({@code BoundSql}: {@code :name} becomes {@code $n}), never written into its
 * text. A batch that fails raises
 * {@link org.kotaku.portal.ingest.pipeline.IngestValidationException} (422) or
 * {@link org.kotaku.portal.ingest.pipeline.IngestConflictException} (409), both
 * {@code PortalException}s with their problem type. Depends on {@code ingest.batch},
 * {@code ingest.dataset}, {@code ingest.validation} and {@code api}; used by
 * {@code ingest} only.
 */
package org.kotaku.portal.ingest.pipeline;
