/**
 * The aggregate endpoints of the public API ({@code /api/v1/summary}, {@code /regions},
 * {@code /regions/{code}}, {@code /progress}, {@code /spending}), answered from the read
 * model's snapshot through the response cache (the activity types of a village or of a
 * district in one year, which the snapshot does not keep, from the database:
 * {@link org.kotaku.portal.aggregates.RegionTypes}); shapes in docs/api-v1-aggregates.md
 * and openapi/portal.yaml; and the region profile page rendered on the server
 * ({@code /wilayah/{code}}, with the region's activities and slum areas read through
 * {@code listing}). Depends on {@code readmodel}, {@code httpcache}, {@code api},
 * {@code catalog}, {@code dataversion}, {@code licence}, {@code region}, {@code listing},
 * {@code recordpage} and {@code web}.
 */
package org.kotaku.portal.aggregates;
