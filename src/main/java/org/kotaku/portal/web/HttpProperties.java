package org.kotaku.portal.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTP conventions of the public answers ({@code portal.http}).
 *
 * @param maxAge how long shared caches and browsers may keep a public answer before revalidating it with its ETag
 */
@ConfigurationProperties("portal.http")
public record HttpProperties(@DefaultValue("60s") Duration maxAge) {
}
