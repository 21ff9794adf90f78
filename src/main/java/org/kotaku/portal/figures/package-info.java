/**
 * The headline figures of the public API ({@code /api/v1/summary}, {@code /progress},
 * {@code /spending}), answered from the read model's snapshot through the response cache
 * (the activity types of a village or of a district in one year, which the snapshot does
 * not keep, from the database: {@link org.kotaku.portal.figures.RegionTypes}); shapes in
 * docs/api-v1-aggregates.md and openapi/portal.yaml. Owns the metrics
 * ({@link org.kotaku.portal.figures.Metric}), the figures of one region and year
 * ({@link org.kotaku.portal.figures.FiguresView}), the envelope of a figures answer and
 * the parameters of these endpoints, which {@code region} uses too. Depends on
 * {@code readmodel}, {@code httpcache}, {@code api}, {@code catalog},
 * {@code dataversion}, {@code licence} and {@code regioncode}.
 */
package org.kotaku.portal.figures;
