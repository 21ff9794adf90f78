package org.kotaku.portal.ogc;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of OGC API - Features ({@code portal.ogc}): the page size when {@code limit}
 * is absent and the largest page served.
 */
@Validated
@ConfigurationProperties("portal.ogc")
record OgcProperties(@DefaultValue("10") @Min(1) @Max(10_000) int defaultLimit,
		@DefaultValue("10000") @Min(1) @Max(10_000) int maxLimit) {
}
