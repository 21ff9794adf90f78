/**
 * The validation kit of ingestion: {@link org.kotaku.portal.ingest.validation.RowReader}
 * reads the typed fields of one uploaded row (text, codes, choices, numbers in
 * {@code NumberFields}, dates, points and polygons in {@code GeometryFields}) and
 * collects every {@link org.kotaku.portal.ingest.validation.RowError} instead of stopping
 * at the first; {@code CsvRows} and {@code Wkt} read CSV uploads; {@code GeometryChecks}
 * and {@code ReferenceChecks} are the SQL checks PostGIS and the stored records answer
 * over the stage; {@code Json} writes the small JSON values ingestion stages. Knows no
 * dataset and no batch; depends on {@code region} only.
 */
package org.kotaku.portal.ingest.validation;
