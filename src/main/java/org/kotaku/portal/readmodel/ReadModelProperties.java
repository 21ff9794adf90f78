package org.kotaku.portal.readmodel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the read model ({@code portal.read-model.*}): how long to wait before reconnecting a lost LISTEN
 * connection, how often to check the data version as a safety net for notifications lost while the database
 * was unreachable, and up to how many changed villages a refresh patches the snapshot being served instead of
 * building a whole new one.
 */
@ConfigurationProperties("portal.read-model")
public record ReadModelProperties(@DefaultValue("1s") Duration reconnectDelay,
		@DefaultValue("30s") Duration versionCheckInterval, @DefaultValue("3000") int patchMaxVillages) {
}
