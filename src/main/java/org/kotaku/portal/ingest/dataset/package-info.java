/**
 * The datasets ingestion accepts ({@link org.kotaku.portal.ingest.dataset.Dataset}) and,
 * for each, its {@link org.kotaku.portal.ingest.dataset.DatasetSpec}: the stage columns,
 * how an uploaded row becomes them (with the validation kit), the target table's key and
 * columns, the checks that need the database and the statements before, after and at the
 * end of its merge (constant SQL that names its values, {@code :batch}, {@code :version},
 * bound by the pipeline). {@link org.kotaku.portal.ingest.dataset.DatasetSpecs} gives the
 * spec of a batch (assessments with the slum scoring rules of the database, cached).
 * Depends on {@code ingest.validation}, {@code api} (the primary database),
 * {@code catalog} and {@code region}.
 */
package org.kotaku.portal.ingest.dataset;
