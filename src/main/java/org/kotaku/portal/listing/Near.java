package org.kotaku.portal.listing;

import java.util.Optional;

import org.kotaku.portal.api.Params;
import org.kotaku.portal.api.PortalException;

/**
 * "Near me": a point ({@code near=lon,lat}, EPSG:4326 degrees) and a radius in metres
 * ({@code radius}, default {@value #DEFAULT_RADIUS}, at most {@value #MAX_RADIUS}). A row
 * is near when its geometry lies within the radius on the spheroid (PostGIS geography);
 * an envelope around the circle, in degrees, lets the spatial index find the candidates
 * first. A radius without a point is refused, as is a point outside longitude -180..180 /
 * latitude -85..85 (near the poles the envelope would wrap).
 */
public record Near(double lon, double lat, long radius) {

	public static final long DEFAULT_RADIUS = 1_000;

	public static final long MAX_RADIUS = 50_000;

	/**
	 * Metres per degree of latitude (and of longitude at the equator), rounded down: the
	 * envelope errs wide.
	 */
	private static final double METRES_PER_DEGREE = 111_000;

	/** The point and radius of a request, empty when it names no point. */
	public static Optional<Near> from(Params p) {
		Optional<Long> radius = p.integer("radius", 1, MAX_RADIUS);
		Optional<String> near = p.text("near", 100);
		if (near.isEmpty()) {
			radius.ifPresent((r) -> {
				throw PortalException.invalidParameter("radius",
						"radius needs near=lon,lat: the point to measure from.");
			});
			return Optional.empty();
		}
		String[] parts = near.get().split(",", -1);
		if (parts.length != 2) {
			throw invalid("near must be two comma-separated numbers lon,lat; got " + parts.length + " value(s).");
		}
		double lon = Bbox.degrees("near", parts[0], "decimal degrees lon,lat");
		double lat = Bbox.degrees("near", parts[1], "decimal degrees lon,lat");
		if (lon < -180 || lon > 180 || lat < -85 || lat > 85) {
			throw invalid("near must lie within longitude -180..180 and latitude -85..85.");
		}
		return Optional.of(new Near(lon, lat, radius.orElse(DEFAULT_RADIUS)));
	}

	/**
	 * Keeps the rows whose geometry ({@code geometrySql}, EPSG:4326) lies within the
	 * radius of the point.
	 */
	public void addTo(Where where, String geometrySql) {
		double dLat = this.radius / METRES_PER_DEGREE;
		double dLon = dLat / Math.cos(Math.toRadians(Math.min(85, Math.abs(this.lat) + dLat)));
		where
			.and(geometrySql + " && ST_MakeEnvelope(:nearMinLon, :nearMinLat, :nearMaxLon, :nearMaxLat, 4326)"
					+ " and ST_DWithin(" + geometrySql
					+ "::geography, ST_SetSRID(ST_MakePoint(:nearLon, :nearLat), 4326)" + "::geography, :nearRadius)")
			.bind("nearMinLon", this.lon - dLon)
			.bind("nearMinLat", this.lat - dLat)
			.bind("nearMaxLon", this.lon + dLon)
			.bind("nearMaxLat", this.lat + dLat)
			.bind("nearLon", this.lon)
			.bind("nearLat", this.lat)
			.bind("nearRadius", (double) this.radius);
	}

	private static PortalException invalid(String detail) {
		return PortalException.invalidParameter("near", detail);
	}

}
