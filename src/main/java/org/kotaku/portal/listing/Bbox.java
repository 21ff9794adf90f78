package org.kotaku.portal.listing;

import org.kotaku.portal.api.PortalException;

/**
 * A bounding box in EPSG:4326 degrees, {@code minLon,minLat,maxLon,maxLat} as in OGC API
 * - Features. A box wider than {@value #MAX_WIDTH} or taller than {@value #MAX_HEIGHT}
 * degrees is refused (Indonesia fits in one).
 */
public record Bbox(double minLon, double minLat, double maxLon, double maxLat) {

	public static final double MAX_WIDTH = 60;

	public static final double MAX_HEIGHT = 30;

	public static Bbox parse(String text) {
		String[] parts = text.split(",", -1);
		if (parts.length != 4) {
			throw invalid("bbox must be four comma-separated numbers minLon,minLat,maxLon,maxLat; got " + parts.length
					+ " value(s).");
		}
		double[] n = new double[4];
		for (int i = 0; i < 4; i++) {
			n[i] = degrees("bbox", parts[i], "decimal degrees");
		}
		Bbox box = new Bbox(n[0], n[1], n[2], n[3]);
		box.check();
		return box;
	}

	/**
	 * Keeps the rows whose point ({@code pointSql}, EPSG:4326) lies in the box, edges
	 * included: through the index, then exactly ({@code &&} alone also keeps points up to
	 * about a metre outside; see OgcCatalog).
	 */
	public void addPointsTo(Where where, String pointSql) {
		where
			.and("(" + pointSql + " && ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326) and ST_X(" + pointSql
					+ ") between :minLon and :maxLon and ST_Y(" + pointSql + ") between :minLat and :maxLat)")
			.bind("minLon", this.minLon)
			.bind("minLat", this.minLat)
			.bind("maxLon", this.maxLon)
			.bind("maxLat", this.maxLat);
	}

	/**
	 * Keeps the rows whose geometry's bounding box ({@code geometrySql}, EPSG:4326)
	 * overlaps the box.
	 */
	public void addTo(Where where, String geometrySql) {
		where.and(geometrySql + " && ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326)")
			.bind("minLon", this.minLon)
			.bind("minLat", this.minLat)
			.bind("maxLon", this.maxLon)
			.bind("maxLat", this.maxLat);
	}

	private void check() {
		if (this.minLon < -180 || this.maxLon > 180 || this.minLat < -90 || this.maxLat > 90) {
			throw invalid("bbox must lie within longitude -180..180 and latitude -90..90.");
		}
		if (this.minLon > this.maxLon || this.minLat > this.maxLat) {
			throw invalid("bbox must be minLon,minLat,maxLon,maxLat with min <= max.");
		}
		if (this.maxLon - this.minLon > MAX_WIDTH || this.maxLat - this.minLat > MAX_HEIGHT) {
			throw invalid("bbox is too large: at most " + (int) MAX_WIDTH + " degrees of longitude by "
					+ (int) MAX_HEIGHT + " of latitude.");
		}
	}

	/**
	 * One coordinate of a parameter ({@code bbox}, {@code near}) as decimal degrees; a
	 * 400 naming the parameter when it is no finite number ({@code form} says what the
	 * values should be).
	 */
	static double degrees(String parameter, String text, String form) {
		String value = text.strip();
		try {
			double degrees = Double.parseDouble(value);
			if (Double.isFinite(degrees)) {
				return degrees;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw PortalException.invalidParameter(parameter,
				parameter + " values must be " + form + "; '" + value + "' is not a number.");
	}

	private static PortalException invalid(String detail) {
		return PortalException.invalidParameter("bbox", detail);
	}

}
