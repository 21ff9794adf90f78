/**
 * Slum areas (kawasan kumuh) searched in PostGIS, {@code /api/v1/slum-areas} and
 * {@code /{id}} (with the area's decree and assessment history, {@code SlumAreaRecords}),
 * the explanation of a level from the regulation's reference tables (criterion,
 * score_band, level_band), and the site's page of one slum area ({@code /kawasan/{id}},
 * rendered on the server through {@code recordpage}; village names from
 * {@code readmodel}). Depends on {@code api}, {@code catalog}, {@code dataversion},
 * {@code listing}, {@code readmodel}, {@code recordpage}, {@code regioncode} and
 * {@code web}.
 */
package org.kotaku.portal.slum;
