/**
 * Rendered public answers cached per data version, for any feature: handlers answer through
 * {@link org.kotaku.portal.httpcache.CachedAnswers} (render once per version and request, ETag/304, gzip,
 * Cache-Control, CORS, X-Data-Version/X-Data-As-Of), the {@link org.kotaku.portal.httpcache.FastPath} replays
 * hits before routing, and {@link org.kotaku.portal.httpcache.VersionedQueryCache} caches database-backed query
 * results per data version. Depends on {@code api} and on {@code readmodel} for the current data version.
 */
package org.kotaku.portal.httpcache;
