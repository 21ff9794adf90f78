package org.kotaku.portal.licence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.licence.*}: the licence the published data are under (an SPDX identifier,
 * its title and the URL of its text) and the attribution users are asked to give. Read by
 * {@link Licence}, which writes them everywhere.
 */
@ConfigurationProperties("portal.licence")
public record LicenceProperties(@DefaultValue("CC-BY-4.0") String id,
		@DefaultValue("Creative Commons Attribution 4.0 International") String title,
		@DefaultValue("https://creativecommons.org/licenses/by/4.0/") String url,
		@DefaultValue(Licence.DEFAULT_ATTRIBUTION) String attribution) {

}
