package org.kotaku.portal.ingest.validation;

/**
 * SQL checks of uploaded polygon geometries, run by PostGIS over the staged GeoJSON text.
 */
public final class GeometryChecks {

	private GeometryChecks() {
	}

	/**
	 * Rows whose GeoJSON does not parse, is not a valid polygon, or leaves Indonesia's
	 * extent. Relies on the {@code kotaku_try_geojson} function, which returns null
	 * instead of raising on malformed input.
	 */
	public static String polygonChecks(String column, String field, boolean repair) {
		String validity = repair ? "false" : "not ST_IsValid(g.geom)";
		return """
				select s.row_no, '%2$s', left(s.%1$s, 80),
				       case when g.geom is null then 'is not a parsable GeoJSON geometry'
				            when GeometryType(g.geom) not in ('POLYGON', 'MULTIPOLYGON') then 'must be a Polygon or MultiPolygon'
				            when %7$s then 'is not a valid polygon: ' || ST_IsValidReason(g.geom)
				            else 'must lie inside Indonesia''s extent (longitude %3$s to %4$s, latitude %5$s to %6$s)' end
				from stage s
				cross join lateral (select kotaku_try_geojson(s.%1$s) as geom) g
				where s.%1$s is not null
				  and (g.geom is null or GeometryType(g.geom) not in ('POLYGON', 'MULTIPOLYGON') or %7$s
				       or ST_XMin(g.geom) < %3$s or ST_XMax(g.geom) > %4$s or ST_YMin(g.geom) < %5$s or ST_YMax(g.geom) > %6$s)"""
			.formatted(column, field, RowReader.MIN_LON, RowReader.MAX_LON, RowReader.MIN_LAT, RowReader.MAX_LAT,
					validity);
	}

	/**
	 * The stored MultiPolygon: as uploaded, or repaired by PostGIS (polygonal parts
	 * kept).
	 */
	public static String multiPolygon(String column, boolean repair) {
		String parsed = "ST_SetSRID(ST_GeomFromGeoJSON(s." + column + "), 4326)";
		return repair ? "ST_Multi(ST_CollectionExtract(ST_MakeValid(" + parsed + "), 3))" : "ST_Multi(" + parsed + ")";
	}

}
