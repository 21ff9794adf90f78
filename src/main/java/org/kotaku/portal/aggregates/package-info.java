/**
 * The aggregate endpoints of the public API ({@code /api/v1/summary}, {@code /regions}, {@code /regions/{code}},
 * {@code /progress}, {@code /spending}), answered from the read model's snapshot through the response cache;
 * shapes in docs/api-v1-aggregates.md and openapi/portal.yaml. Depends on {@code readmodel}, {@code httpcache},
 * {@code api}, {@code catalog}, {@code licence} and {@code region}.
 */
package org.kotaku.portal.aggregates;
