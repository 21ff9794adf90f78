/**
 * The data version, the one owner of "which version of the published data is current":
 * {@link org.kotaku.portal.dataversion.DataVersion} (the number of the newest committed
 * ingestion batch, when it was committed and which dataset it is),
 * {@link org.kotaku.portal.dataversion.DataVersions} (the one query of the current
 * version, on the public pool, inside a snapshot's transaction or on the primary) and
 * {@link org.kotaku.portal.dataversion.DataVersionChannel} (the PostgreSQL channel on
 * which ingestion announces a new version and every node's read model listens). Used by
 * {@code readmodel}, {@code ingest}, {@code changes} and the HTTP layer
 * ({@code httpcache}, the features' handlers); depends on no other package of the portal.
 */
package org.kotaku.portal.dataversion;
