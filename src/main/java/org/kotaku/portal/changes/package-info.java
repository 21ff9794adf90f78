/**
 * The public change log: {@code /api/v1/changes} (committed batches newest first, or with
 * {@code since} the records created, changed and deleted after a data version) and its
 * Atom feed. Its envelope names the data version the request read ({@code dataversion});
 * the batches come from {@code ingest}'s batch log, the record changes from the canonical
 * tables' provenance columns and tombstones. Depends on {@code api}, {@code bulk} (links
 * to the files), {@code dataversion}, {@code ingest} and {@code licence}.
 */
package org.kotaku.portal.changes;
