/**
 * Allocations (BPM grants and other budget lines) and their disbursement tranches
 * searched in PostGIS: {@code /api/v1/allocations}, {@code /api/v1/disbursements} and
 * their records. Fields and filters come from the catalog, everything else from
 * {@code listing}.
 */
package org.kotaku.portal.funding;
