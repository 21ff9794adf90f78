package org.kotaku.portal.readmodel;

import java.io.Serializable;

/**
 * One administrative region as the read model knows it: dotted Kemendagri code, name,
 * level (1 province .. 4 village), type, parent code (null for provinces), place and
 * extent in EPSG:4326. The place is the label point, or where none is known the centre of
 * the label points of the villages below; the extent is the boundary's, or where none is
 * known the extent of those villages' label points (a village without a boundary: its
 * label point). Both are null when nothing below is located either.
 */
public record RegionEntry(String code, String name, int level, String type, String parent, Double lon, Double lat,
		Box bbox) implements Serializable {

	/** A region without a known extent. */
	public RegionEntry(String code, String name, int level, String type, String parent, Double lon, Double lat) {
		this(code, name, level, type, parent, lon, lat, null);
	}

	/**
	 * An extent in degrees: west, south, east, north (a point when west = east and south
	 * = north).
	 */
	public record Box(double west, double south, double east, double north) implements Serializable {

		/** The smallest box holding both, either may be null. */
		public static Box union(Box a, Box b) {
			if (a == null || b == null) {
				return (a == null) ? b : a;
			}
			return new Box(Math.min(a.west, b.west), Math.min(a.south, b.south), Math.max(a.east, b.east),
					Math.max(a.north, b.north));
		}

		/** As GeoJSON's and the API's {@code bbox}: [west, south, east, north]. */
		public double[] toArray() {
			return new double[] { this.west, this.south, this.east, this.north };
		}

	}

}
