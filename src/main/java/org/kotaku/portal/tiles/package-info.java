/**
 * Mapbox Vector Tiles and their TileJSON at {@code /tiles}: tile addresses, the filters
 * of a tile (activities by year and type, regions by level and parent), the layer SQL (in
 * {@code sql/tiles/}), the in-memory tile cache keyed by filter and versioned, immutable
 * tile URLs. Its routes answer conditional requests themselves, through
 * {@code httpcache}'s one ETag format and matcher (a tile's ETag names its path and
 * filter). Depends on {@code api}, {@code catalog} (the activity types),
 * {@code dataversion}, {@code httpcache}, {@code licence}, {@code readmodel} and
 * {@code regioncode} (codes); never on other features.
 */
package org.kotaku.portal.tiles;
