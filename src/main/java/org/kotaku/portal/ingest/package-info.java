/**
 * Ingestion, the portal's one write path: {@link org.kotaku.portal.ingest.IngestService}
 * loads one batch of one dataset all or nothing by putting the steps of
 * {@code ingest.pipeline} in order, on a connection of ingestion's own pool
 * ({@link org.kotaku.portal.ingest.IngestConnections}, {@code portal.ingest.database.*}).
 * Its parts, each using only those below it (ArchUnit,
 * {@code PackageDependenciesTests.INGEST_ALLOWED}):
 * <ul>
 * <li>{@code ingest.validation}: the kit that reads a row's typed fields and collects its
 * problems ({@code RowReader}), CSV and WKT input, and the SQL checks of geometries and
 * references;</li>
 * <li>{@code ingest.dataset}: one {@code DatasetSpec} per dataset (stage columns, how a
 * row is read, the target table, the checks and statements of its merge);</li>
 * <li>{@code ingest.batch}: what a batch is ({@code IngestRequest}), what came of it
 * ({@code BatchReport}) and the batch log that reads {@code ingest_batch} back;</li>
 * <li>{@code ingest.pipeline}: the steps, each a cold {@code Mono}, with every value
 * bound; used by this package only;</li>
 * <li>{@code ingest.web} (the internal routes) and {@code ingest.keys} (API keys) on
 * top.</li>
 * </ul>
 * Depends on {@code api}, {@code catalog}, {@code dataversion} (the channel that
 * announces a new version) and {@code regioncode}, never on the read side; {@code api}
 * does not depend on it (ingestion's exceptions are {@code PortalException}s carrying
 * their problem type).
 */
package org.kotaku.portal.ingest;
