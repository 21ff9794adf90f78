/**
 * Kemendagri's administrative codes ({@link org.kotaku.portal.regioncode.RegionCode}):
 * parsed with or without dots, written dotted, with their level and the region type they
 * imply. Part of the base: depends on nothing, used by the parameters of {@code api}, the
 * filters of the features and ingestion's validation.
 */
package org.kotaku.portal.regioncode;
