package org.kotaku.portal.ogc;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.kotaku.portal.licence.Licence;

/** A web link of an OGC API answer (OGC API - Features 1.0, /req/core/..-links). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Link(String href, String rel, String type, String title) {

	static final String GEO_JSON = "application/geo+json";

	static final String JSON = "application/json";

	static final String OPENAPI_JSON = "application/vnd.oai.openapi+json;version=3.0";

	static final String SCHEMA_JSON = "application/schema+json";

	/**
	 * The link to the data licence (relation {@code license}, RFC 4946), on every OGC
	 * answer.
	 */
	static Link licence(Licence licence) {
		return new Link(licence.url(), Licence.REL, "text/html", licence.title());
	}

}
