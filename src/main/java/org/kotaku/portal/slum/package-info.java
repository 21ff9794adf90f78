/**
 * Slum areas (kawasan kumuh) searched in PostGIS, {@code /api/v1/slum-areas} and {@code /{id}}, and the
 * explanation of a level from the regulation's reference tables (criterion, score_band, level_band).
 */
package org.kotaku.portal.slum;
