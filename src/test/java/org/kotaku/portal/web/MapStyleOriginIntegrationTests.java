package org.kotaku.portal.web;

import org.junit.jupiter.api.Test;

import org.kotaku.portal.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployment with an external base-map style: the one content security policy every
 * answer carries allows the style's origin, so the site's pages can load its tiles,
 * sprites and fonts (and the site is told the style).
 */
@IntegrationTest
@TestPropertySource(properties = "portal.site.map-style-url=https://tiles.example.org:8443/styles/basic.json")
class MapStyleOriginIntegrationTests {

	static final String ORIGIN = "https://tiles.example.org:8443";

	@Autowired
	WebTestClient client;

	@Test
	void theSitePagesPolicyAllowsTheMapStyleOrigin() {
		for (String page : new String[] { "/", "/peta", "/wilayah/64.71", "/embed/wilayah/64.71" }) {
			this.client.get()
				.uri(page)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.values("Content-Security-Policy", (policies) -> assertThat(policies).as(page)
					.singleElement()
					.asString()
					.contains("img-src 'self' data: blob: " + ORIGIN + ";", "font-src 'self' data: " + ORIGIN + ";",
							"connect-src 'self' " + ORIGIN + ";", "script-src 'self';")
					.doesNotContain("unsafe-inline"));
		}
		this.client.get()
			.uri("/site/config.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.mapStyleUrl")
			.isEqualTo(ORIGIN + "/styles/basic.json");
	}

}
