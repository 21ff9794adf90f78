/**
 * The current data version (the last committed ingestion batch), used by OGC features and tiles as ETag and
 * cache-key prefix until the read model holds the version.
 */
package org.kotaku.portal.dataversion;
