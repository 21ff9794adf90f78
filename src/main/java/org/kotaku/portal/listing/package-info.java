/**
 * Database-backed public listings shared by the search features: strict parameters,
 * keyset cursors pinned to a data version, planner-estimated or exact counts, and one set
 * of rows written as JSON, CSV or GeoJSON (paged, or streamed whole with
 * {@code limit=all}) by {@link org.kotaku.portal.listing.Listings}; records as values for
 * the record pages and embedded children ({@link org.kotaku.portal.listing.Records}); and
 * whole datasets at one data version for the bulk files
 * ({@link org.kotaku.portal.listing.WholeDatasets}). Depends on {@code api},
 * {@code catalog}, {@code dataversion}, {@code regioncode}, {@code licence} and
 * {@code web} (the client address); knows no feature.
 */
package org.kotaku.portal.listing;
