package org.kotaku.portal.ingest.validation;

/**
 * One problem with one uploaded row: the row number (1-based, in upload order), the
 * field, the offending value as text (may be null) and a message a data clerk can act on.
 */
public record RowError(long row, String field, String value, String message) {
}
