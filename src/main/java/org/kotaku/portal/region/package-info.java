/**
 * The regions: {@code /api/v1/regions} (the hierarchy and the name search) and
 * {@code /api/v1/regions/{code}} (a region's profile: figures, children, ranking among
 * siblings, links), from the read model's snapshot through the response cache; and the
 * region profile page rendered on the server ({@code /wilayah/{code}}, with the region's
 * activities and slum areas read through {@code listing}). Depends on {@code figures}
 * (the metrics and figures it shows), {@code readmodel}, {@code httpcache}, {@code api},
 * {@code catalog}, {@code dataversion}, {@code licence}, {@code listing},
 * {@code recordpage}, {@code regioncode} and {@code web}.
 */
package org.kotaku.portal.region;
