/**
 * The 100-0-100 access indicators (safe water, sanitation, waste service, slum area) of
 * villages per year, searched in PostGIS: {@code /api/v1/access-indicators} and its
 * records. Fields and filters come from the catalog.
 */
package org.kotaku.portal.access;
