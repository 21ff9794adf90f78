/**
 * Database-backed public listings shared by the search features: strict parameters,
 * keyset cursors pinned to a data version, planner-estimated or exact counts, and one set
 * of rows written as JSON, CSV or GeoJSON (paged, or streamed whole with
 * {@code limit=all}). Depends on {@code api}, {@code catalog}, {@code dataversion},
 * {@code regioncode}, {@code licence} and {@code web} (the client address); knows no
 * feature.
 */
package org.kotaku.portal.listing;
