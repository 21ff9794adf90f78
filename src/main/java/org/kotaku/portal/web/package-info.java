/**
 * HTTP conventions of everything public, as web filters: the request as seen from behind trusted proxies (client
 * address, public URL, HSTS), rate limit per client address, health details and metrics for internal callers only,
 * CORS for public GETs, security headers, HEAD, and conditional GETs (ETag from the data version, 304,
 * Cache-Control); plus serving the
 * written API contract, the data dictionary and Swagger UI, and the map site: its index.html, with what features
 * render into a page on the server ({@code SitePageContent}) and the pages of one record ({@code SiteRecordPage}:
 * rendered per data version through the response cache, 404 and 400 pages for people). Depends on {@code api},
 * {@code httpcache} and {@code licence}.
 */
package org.kotaku.portal.web;
