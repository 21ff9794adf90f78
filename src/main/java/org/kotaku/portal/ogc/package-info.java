/**
 * OGC API - Features Part 1 (Core, GeoJSON, OpenAPI 3.0) with Part 3 queryables at
 * {@code /ogc}: the catalog of published collections, request parsing, keyset-paged items
 * streamed from PostGIS, and the generated API definition. Depends on {@code api}
 * (problems), {@code dataversion}, {@code catalog}, {@code httpcache} (extents and counts
 * kept per data version) and {@code licence}; never on other features.
 */
package org.kotaku.portal.ogc;
