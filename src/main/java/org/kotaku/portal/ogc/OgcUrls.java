package org.kotaku.portal.ogc;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Absolute URLs of the OGC API answers, built from the request's own scheme, host and
 * port, so that clients such as GDAL and QGIS can follow every link.
 */
record OgcUrls(String root) {

	static OgcUrls of(URI request) {
		return new OgcUrls(UriComponentsBuilder.fromUri(request)
			.replacePath("/ogc")
			.replaceQuery(null)
			.fragment(null)
			.build()
			.toUriString());
	}

	String landing() {
		return this.root;
	}

	/** The portal's root URL (scheme, host and port), for links outside /ogc. */
	String site() {
		return this.root.substring(0, this.root.length() - "/ogc".length());
	}

	String path(String relative) {
		return this.root + relative;
	}

	String collection(String id) {
		return this.root + "/collections/" + id;
	}

	/**
	 * The request URL with its cursor replaced, every filter kept
	 * ({@code next}/{@code prev} links).
	 */
	static String withCursor(URI request, String cursor, String featureId) {
		return UriComponentsBuilder.fromUri(request)
			.replaceQueryParam("after")
			.replaceQueryParam("before")
			.queryParam(cursor, UriUtils.encodeQueryParam(featureId, StandardCharsets.UTF_8))
			.build(true)
			.toUriString();
	}

}
