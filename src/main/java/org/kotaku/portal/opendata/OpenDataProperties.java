package org.kotaku.portal.opendata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.open-data.*}: how the catalogs name the portal. Harvesters (a Satu Data
 * CKAN) keep the identifiers they read, so they are built from the configured public URL,
 * never from a request's Host header (which behind a proxy may be an internal name).
 *
 * @param publicUrl the portal's public root URL, without a trailing slash
 * @param publisherName who publishes the data (DCAT {@code dct:publisher}, schema.org
 * {@code publisher})
 * @param publisherUrl the publisher's home page
 * @param contactEmail where users write about the data (DCAT {@code dcat:contactPoint});
 * empty: none
 */
@ConfigurationProperties("portal.open-data")
public record OpenDataProperties(@DefaultValue("http://localhost:8080") String publicUrl,
		@DefaultValue("Direktorat Jenderal Cipta Karya, Kementerian PUPR") String publisherName,
		@DefaultValue("https://ciptakarya.pu.go.id/") String publisherUrl, @DefaultValue("") String contactEmail) {

	public OpenDataProperties {
		publicUrl = publicUrl.strip().replaceAll("/+$", "");
	}

	/** An absolute URL of this portal from a path ({@code /api/v1/datasets}). */
	public String url(String path) {
		return this.publicUrl + path;
	}

}
