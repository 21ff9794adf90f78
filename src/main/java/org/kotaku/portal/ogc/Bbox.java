package org.kotaku.portal.ogc;

import java.util.Arrays;

/**
 * A bounding box in CRS84 (longitude, latitude). A box whose west edge is east of its
 * east edge crosses the antimeridian and stands for two boxes, one on each side (OGC API
 * - Features 1.0, /req/core/fc-bbox-response).
 */
record Bbox(double west, double south, double east, double north) {

	static final String PARAMETER = "bbox";

	/**
	 * Parses {@code minLon,minLat,maxLon,maxLat} (or the six numbers of a 3D box, heights
	 * ignored).
	 */
	static Bbox parse(String text) {
		String[] parts = text.split(",", -1);
		if (parts.length != 4 && parts.length != 6) {
			throw invalid("bbox must have 4 numbers (minLon,minLat,maxLon,maxLat) or 6 for a 3D box; got "
					+ parts.length + ".");
		}
		double[] n = Arrays.stream(parts).mapToDouble(Bbox::number).toArray();
		int top = parts.length / 2;
		Bbox box = new Bbox(n[0], n[1], n[top], n[top + 1]);
		box.check();
		return box;
	}

	boolean crossesAntimeridian() {
		return this.west > this.east;
	}

	/**
	 * The box's extent in square degrees (a box crossing the antimeridian: both of its
	 * parts).
	 */
	double squareDegrees() {
		double width = crossesAntimeridian() ? 360 - (this.west - this.east) : this.east - this.west;
		return width * (this.north - this.south);
	}

	String text() {
		return num(this.west) + "," + num(this.south) + "," + num(this.east) + "," + num(this.north);
	}

	private void check() {
		if (Math.abs(this.west) > 180 || Math.abs(this.east) > 180) {
			throw invalid("bbox longitudes must lie between -180 and 180.");
		}
		if (Math.abs(this.south) > 90 || Math.abs(this.north) > 90) {
			throw invalid("bbox latitudes must lie between -90 and 90.");
		}
		if (this.south > this.north) {
			throw invalid("bbox minimum latitude must not be above its maximum latitude.");
		}
	}

	private static double number(String part) {
		try {
			double value = Double.parseDouble(part.strip());
			if (Double.isFinite(value)) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw invalid("bbox values must be numbers; got '" + part + "'.");
	}

	private static String num(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
	}

	private static RuntimeException invalid(String detail) {
		return OgcProblems.invalidParameter(PARAMETER, detail);
	}

}
