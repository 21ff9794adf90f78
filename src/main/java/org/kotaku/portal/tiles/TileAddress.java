package org.kotaku.portal.tiles;

import org.kotaku.portal.api.PortalException;

/**
 * A tile of the Web Mercator quad tree (EPSG:3857, XYZ order as MapLibre asks for it):
 * zoom {@code z} and the column {@code x} and row {@code y} counted from the north-west
 * corner, each from 0 to 2^z - 1.
 */
record TileAddress(int z, int x, int y) {

	/**
	 * Parses the path segments {@code z}, {@code x} and {@code y.mvt}; an address outside
	 * the grid is a 400.
	 */
	static TileAddress parse(String z, String x, String yFile, int maxZoom) {
		if (!yFile.endsWith(".mvt")) {
			throw PortalException.invalidParameter("y", "Tile paths end in {y}.mvt; got '" + yFile + "'.");
		}
		int zoom = number("z", z);
		if (zoom < 0 || zoom > maxZoom) {
			throw PortalException.invalidParameter("z", "z must be from 0 to " + maxZoom + "; got " + z + ".");
		}
		int column = number("x", x);
		int row = number("y", yFile.substring(0, yFile.length() - ".mvt".length()));
		long size = 1L << zoom;
		if (column < 0 || column >= size || row < 0 || row >= size) {
			throw PortalException.invalidParameter(column < 0 || column >= size ? "x" : "y", "At zoom " + zoom
					+ " x and y must be from 0 to " + (size - 1) + "; got " + column + "/" + row + ".");
		}
		return new TileAddress(zoom, column, row);
	}

	private static int number(String name, String text) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw PortalException.invalidParameter(name, name + " must be a whole number; got '" + text + "'.");
		}
	}

	String path() {
		return this.z + "/" + this.x + "/" + this.y;
	}

}
