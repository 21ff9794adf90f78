/**
 * HTTP caching, the one owner of conditional GETs and of what is kept per data version,
 * for any feature: {@link org.kotaku.portal.httpcache.ConditionalGet} (the one ETag
 * format, the one {@code If-None-Match} matcher and the validator headers, on a 200 and
 * its 304 alike), used by cached answers
 * ({@link org.kotaku.portal.httpcache.CachedAnswers}: render once per version and
 * request, gzip, replayed before routing by the
 * {@link org.kotaku.portal.httpcache.FastPath}), by routed answers
 * ({@link org.kotaku.portal.httpcache.ConditionalGetFilter}: the database's version, 304
 * before any handler runs) and by handlers that validate their own answers (tiles); which
 * routes validate their own answers is declared, not learned
 * ({@link org.kotaku.portal.httpcache.SelfValidatingRoutes}). The one set of settings is
 * {@link org.kotaku.portal.httpcache.HttpCacheProperties}; every per-version cache
 * (rendered answers, tiles, OGC extents and counts, region metrics, checks, dataset
 * facts) is a {@link org.kotaku.portal.httpcache.VersionedCache} made by
 * {@link org.kotaku.portal.httpcache.VersionedCaches}, which drops older versions on each
 * snapshot swap. Headers other packages own (security headers, CORS, licence) come in
 * through {@link org.kotaku.portal.httpcache.AnswerHeaders}. Depends on {@code api},
 * {@code dataversion} and on {@code readmodel} for the snapshot being served.
 */
package org.kotaku.portal.httpcache;
