package org.kotaku.portal.listing;

import java.util.Map;

/**
 * One published row: its id, its values by public column name in published order, its
 * geometry as GeoJSON text (null when it has none or geometries were left out) and the
 * value of the current sort column.
 */
public record Row(String id, Map<String, Object> values, String geometry, Object sortValue) {
}
