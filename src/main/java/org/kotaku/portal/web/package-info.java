/**
 * HTTP conventions of everything public, as web filters: the request as seen from behind
 * trusted proxies (client address, public URL, HSTS), rate limit per client address,
 * health details and metrics for internal callers only, CORS for public GETs
 * ({@code CorsConfig}, also for cached answers), the one writer of the security headers
 * ({@code SecurityHeadersFilter}, content security policy with the map style's origin),
 * the site's cache headers, HEAD; plus serving the written API contract, the data
 * dictionary and Swagger UI, and the map site: its index.html, with what features render
 * into a page on the server ({@code SitePageContent}) and the pages of one record
 * ({@code SiteRecordPage}: rendered per data version through the response cache, 404 and
 * 400 pages for people). Conditional GETs are {@code httpcache}'s. Depends on
 * {@code api}, {@code dataversion}, {@code httpcache} and {@code licence}.
 */
package org.kotaku.portal.web;
