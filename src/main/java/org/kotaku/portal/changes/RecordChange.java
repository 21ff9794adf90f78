package org.kotaku.portal.changes;

/**
 * One record that changed after a data version: its dataset, its id (for access
 * indicators {@code village/year}), whether it was {@code created}, {@code changed} or
 * {@code deleted}, and the data version of that change.
 */
record RecordChange(String dataset, String id, String change, long dataVersion) {
}
