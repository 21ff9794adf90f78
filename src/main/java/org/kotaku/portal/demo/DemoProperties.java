package org.kotaku.portal.demo;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.demo.*}: whether the synthetic dataset is loaded into an empty database
 * on start, at which scale and from which seed, and the folder of real region files
 * (Kemendagri codes and boundaries, see shared/data/SOURCES.md) whose province and
 * regency boundaries are laid over the demo regions when present.
 */
@ConfigurationProperties("portal.demo")
public record DemoProperties(@DefaultValue("true") boolean loadOnEmpty, @DefaultValue("demo") DemoScale scale,
		@DefaultValue("20161") long seed, @DefaultValue("../shared/data") Path regionFiles) {
}
