/**
 * The read model: one immutable {@link org.kotaku.portal.readmodel.Snapshot} of every
 * public aggregate per region (nation, province, regency, district, program village) and
 * fiscal year, built by {@link org.kotaku.portal.readmodel.SnapshotRepository} with a few
 * SQL aggregates in one repeatable-read transaction (activities come pre-aggregated per
 * village and year, and per village, year, type and unit, in tables the ingestion
 * recomputes for the villages each batch touches: migration V55), held and swapped by
 * {@link org.kotaku.portal.readmodel.ReadModel} (coalesced refreshes, off the event
 * loop), kept current by {@link org.kotaku.portal.readmodel.ReadModelListener} (LISTEN on
 * the data version's channel on the primary with reconnect and a periodic version check;
 * with public reads on a replica, {@link org.kotaku.portal.readmodel.ReplicaCatchUp}
 * waits for the replica to replay the primary's newest version and never lets the
 * snapshot go back), and reported in health ({@code readModel}) and metrics
 * ({@code portal.read-model.*}). Which version is current it asks {@code dataversion}.
 * Depends on the database, {@code api}, {@code catalog} and {@code dataversion} only.
 */
package org.kotaku.portal.readmodel;
