package org.kotaku.portal.listing;

/**
 * One published row as the bulk files need it: the row (values by public field name,
 * geometry as GeoJSON text) and the same geometry as ISO WKB (EPSG:4326) for binary
 * formats; both null for a record without a location.
 */
public record FileRow(Row row, byte[] wkb) {
}
