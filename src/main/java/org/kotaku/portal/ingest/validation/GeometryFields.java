package org.kotaku.portal.ingest.validation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The geometry fields of a {@link RowReader}: a point inside Indonesia and a polygon as
 * GeoJSON text. JSON uploads carry GeoJSON, CSV uploads WKT (or {@code lon}/{@code lat}
 * columns for a point); each problem is rejected on the row with its message, and the
 * field then reads as null.
 */
final class GeometryFields {

	/** Marks a WKT cell that did not parse (already reported). */
	private static final Object INVALID_WKT = new Object();

	private GeometryFields() {
	}

	static double[] point(RowReader row, String field, boolean required) {
		Object value = wktAsGeoJson(row, field, row.value(field));
		if (value == INVALID_WKT) {
			return null;
		}
		double[] lonLat;
		if (value instanceof Map<?, ?> geometry) {
			lonLat = geoJsonPoint(row, field, geometry);
		}
		else if (value instanceof List<?> list) {
			lonLat = coordinates(row, field, list);
		}
		else if (row.has("lon") || row.has("lat")) {
			BigDecimal lon = row.decimal("lon", true, null, null, 7);
			BigDecimal lat = row.decimal("lat", true, null, null, 7);
			lonLat = (lon == null || lat == null) ? null : new double[] { lon.doubleValue(), lat.doubleValue() };
			field = "lon";
		}
		else if (row.has(field)) {
			row.reject(field, value, "must be a GeoJSON Point");
			return null;
		}
		else {
			return row.missing(field, required);
		}
		return insideIndonesia(row, field, lonLat);
	}

	private static double[] insideIndonesia(RowReader row, String field, double[] lonLat) {
		if (lonLat != null && !RowReader.insideIndonesia(lonLat[0], lonLat[1])) {
			row.reject(field, lonLat[0] + "," + lonLat[1],
					"must lie inside Indonesia's extent (longitude " + RowReader.MIN_LON + " to " + RowReader.MAX_LON
							+ ", latitude " + RowReader.MIN_LAT + " to " + RowReader.MAX_LAT + ")");
			return null;
		}
		return lonLat;
	}

	static String geoJson(RowReader row, String field, boolean required) {
		Object value = wktAsGeoJson(row, field, row.value(field));
		if (value == INVALID_WKT) {
			return null;
		}
		if (!row.has(field)) {
			return row.missing(field, required);
		}
		if (value instanceof Map<?, ?> map) {
			Object type = map.get("type");
			if (!"Polygon".equals(type) && !"MultiPolygon".equals(type)) {
				row.reject(field, type, "must be a GeoJSON Polygon or MultiPolygon");
				return null;
			}
			return Json.write(map);
		}
		if (value instanceof String text && text.strip().startsWith("{")) {
			return text.strip();
		}
		row.reject(field, value, "must be a GeoJSON Polygon or MultiPolygon");
		return null;
	}

	/**
	 * A WKT cell (CSV) as the GeoJSON object a JSON upload would carry; other values
	 * unchanged.
	 */
	private static Object wktAsGeoJson(RowReader row, String field, Object value) {
		if (!(value instanceof String text) || !Wkt.looksLikeWkt(text)) {
			return value;
		}
		Map<String, Object> geoJson = Wkt.toGeoJson(text);
		if (geoJson == null) {
			row.reject(field, text, "is not valid WKT (POINT, POLYGON or MULTIPOLYGON, longitude first)");
			return INVALID_WKT;
		}
		return geoJson;
	}

	private static double[] geoJsonPoint(RowReader row, String field, Map<?, ?> geometry) {
		if (!"Point".equals(geometry.get("type")) || !(geometry.get("coordinates") instanceof List<?> list)) {
			row.reject(field, geometry.get("type"), "must be a GeoJSON Point");
			return null;
		}
		return coordinates(row, field, list);
	}

	private static double[] coordinates(RowReader row, String field, List<?> list) {
		if (list.size() < 2 || !(list.get(0) instanceof Number lon) || !(list.get(1) instanceof Number lat)) {
			row.reject(field, list, "must have coordinates [longitude, latitude]");
			return null;
		}
		return new double[] { lon.doubleValue(), lat.doubleValue() };
	}

}
