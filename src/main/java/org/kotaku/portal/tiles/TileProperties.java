package org.kotaku.portal.tiles;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the vector tiles ({@code portal.tiles}): the highest zoom served and how
 * many bytes of tiles the in-memory cache keeps.
 */
@Validated
@ConfigurationProperties("portal.tiles")
record TileProperties(@DefaultValue("22") @Min(0) @Max(24) int maxZoom,
		@DefaultValue("67108864") @Min(0) long cacheMaxBytes) {
}
