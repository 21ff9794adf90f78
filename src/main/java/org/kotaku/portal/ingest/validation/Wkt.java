package org.kotaku.portal.ingest.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Reads WKT geometries of CSV cells ({@code POINT (lon lat)}, {@code POLYGON (...)},
 * {@code MULTIPOLYGON
 * (...)}, EPSG:4326, longitude first) into the GeoJSON form that JSON uploads use, so
 * both go through the same checks.
 */
final class Wkt {

	private Wkt() {
	}

	/** Whether a cell looks like WKT rather than GeoJSON text. */
	static boolean looksLikeWkt(String text) {
		String start = text.stripLeading().toUpperCase();
		return start.startsWith("POINT") || start.startsWith("POLYGON") || start.startsWith("MULTIPOLYGON");
	}

	/**
	 * The GeoJSON object of a WKT point or (multi)polygon; null when the text is not
	 * valid WKT of those.
	 */
	static Map<String, Object> toGeoJson(String wkt) {
		Geometry geometry;
		try {
			geometry = new WKTReader().read(wkt);
		}
		catch (ParseException ex) {
			return null;
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", geometry.getGeometryType());
		if (geometry instanceof Point point && !point.isEmpty()) {
			json.put("coordinates", position(point.getCoordinate()));
		}
		else if (geometry instanceof Polygon polygon) {
			json.put("coordinates", rings(polygon));
		}
		else if (geometry instanceof MultiPolygon multi) {
			List<Object> polygons = new ArrayList<>();
			for (int i = 0; i < multi.getNumGeometries(); i++) {
				polygons.add(rings((Polygon) multi.getGeometryN(i)));
			}
			json.put("coordinates", polygons);
		}
		else {
			return null;
		}
		return json;
	}

	private static List<Object> rings(Polygon polygon) {
		List<Object> rings = new ArrayList<>();
		rings.add(ring(polygon.getExteriorRing().getCoordinates()));
		for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
			rings.add(ring(polygon.getInteriorRingN(i).getCoordinates()));
		}
		return rings;
	}

	private static List<Object> ring(Coordinate[] coordinates) {
		List<Object> ring = new ArrayList<>(coordinates.length);
		for (Coordinate c : coordinates) {
			ring.add(position(c));
		}
		return ring;
	}

	private static List<Double> position(Coordinate c) {
		return List.of(c.getX(), c.getY());
	}

}
