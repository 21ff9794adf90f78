package org.kotaku.portal.web;

import java.net.URI;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.site.*}: where the built map site lives, the optional external base-map
 * style of a deployment that has one (its origin is then allowed by the content security
 * policy), and the address where people report a problem (the accessibility statement
 * links to it; empty: none).
 */
@ConfigurationProperties("portal.site")
public record SiteProperties(@DefaultValue("classpath:/static/") String location, @DefaultValue("") String mapStyleUrl,
		@DefaultValue("") String contactEmail) {

	/** The origin (scheme, host, port) of the external style, if one is configured. */
	Optional<String> mapStyleOrigin() {
		if (this.mapStyleUrl.isBlank()) {
			return Optional.empty();
		}
		URI uri = URI.create(this.mapStyleUrl.strip());
		if (uri.getScheme() == null || uri.getHost() == null) {
			return Optional.empty();
		}
		String port = (uri.getPort() == -1) ? "" : ":" + uri.getPort();
		return Optional.of(uri.getScheme() + "://" + uri.getHost() + port);
	}

}
