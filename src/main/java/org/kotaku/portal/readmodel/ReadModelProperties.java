package org.kotaku.portal.readmodel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the read model ({@code portal.read-model.*}): how long to wait before
 * reconnecting a lost LISTEN connection, how often to check the data version as a safety
 * net for notifications lost while the database was unreachable, up to how many changed
 * villages a refresh patches the snapshot being served instead of building a whole new
 * one, and how long a refresh waits before it starts, so that a burst of commits (each
 * notifying) is served by one or two refreshes; and where the snapshot being served is
 * kept on disk for the next start ({@link SnapshotStore}; blank: nowhere).
 */
@ConfigurationProperties("portal.read-model")
public record ReadModelProperties(@DefaultValue("1s") Duration reconnectDelay,
		@DefaultValue("30s") Duration versionCheckInterval, @DefaultValue("3000") int patchMaxVillages,
		@DefaultValue("50ms") Duration coalesceWindow, String snapshotDirectory) {
}
