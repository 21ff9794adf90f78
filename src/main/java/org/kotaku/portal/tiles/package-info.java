/**
 * Mapbox Vector Tiles and their TileJSON at {@code /tiles}: tile addresses, the layer SQL (in
 * {@code sql/tiles/}), the in-memory tile cache and versioned, immutable tile URLs. Depends on {@code api},
 * {@code httpcache}, {@code licence} and {@code readmodel}; never on other features.
 */
package org.kotaku.portal.tiles;
