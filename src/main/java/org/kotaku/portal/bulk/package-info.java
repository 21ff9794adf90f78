/**
 * Bulk files: every dataset of the catalog as whole files per data version (CSV.gz,
 * GeoJSON.gz where records have a location, and the changes since the previous version as
 * NDJSON.gz), generated after each ingestion off the request path
 * ({@link org.kotaku.portal.bulk.BulkGenerator}), kept on disk
 * ({@link org.kotaku.portal.bulk.BulkStore}) and served with ranges and validators under
 * {@code /downloads}; {@link org.kotaku.portal.bulk.Downloads} tells the catalogs which
 * files exist. Depends on {@code catalog}, {@code listing}, {@code api},
 * {@code dataversion}, {@code licence} and {@code readmodel} (the event that a new
 * version is served).
 */
package org.kotaku.portal.bulk;
