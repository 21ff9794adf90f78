package org.kotaku.portal.readmodel;

/**
 * Published after a new snapshot replaced the old one ({@code previous} is null for the
 * first). Listeners such as response caches drop what they rendered from older versions.
 */
public record SnapshotSwapped(Snapshot previous, Snapshot current) {
}
