package org.kotaku.portal.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.demo.*}: whether the synthetic dataset is loaded into an empty database on start, at which
 * scale, and from which seed.
 */
@ConfigurationProperties("portal.demo")
public record DemoProperties(@DefaultValue("true") boolean loadOnEmpty, @DefaultValue("demo") DemoScale scale,
		@DefaultValue("20161") long seed) {
}
