package org.kotaku.portal.listing;

import java.util.Map;

/**
 * One published row with its geometry as ISO WKB (EPSG:4326), for binary files: the values by public field name
 * in published order, and null for a record without a location.
 */
public record WkbRow(Map<String, Object> values, byte[] wkb) {
}
