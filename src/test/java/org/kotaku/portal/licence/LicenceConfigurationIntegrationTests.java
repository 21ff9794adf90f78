package org.kotaku.portal.licence;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployment that publishes under another licence sets {@code portal.licence.*}, and
 * every answer says so.
 */
@IntegrationTest
@WithTinyDemo(readModel = true)
@TestPropertySource(properties = { "portal.licence.id=ODbL-1.0",
		"portal.licence.title=Open Data Commons Open Database License v1.0",
		"portal.licence.url=https://opendatacommons.org/licenses/odbl/1-0/",
		"portal.licence.attribution=Data: Example City <open data> & friends" })
class LicenceConfigurationIntegrationTests {

	static final String URL = "https://opendatacommons.org/licenses/odbl/1-0/";

	@Autowired
	WebTestClient client;

	@Autowired
	JsonMapper json;

	@Autowired
	Licence licence;

	@Test
	void theConfiguredLicenceIsInEnvelopesAndHeaders() {
		for (String uri : new String[] { "/api/v1/summary", "/api/v1/activities?limit=1", "/api/v1/changes", "/ogc",
				"/site/config.json" }) {
			for (int i = 0; i < 2; i++) {
				JsonNode licence = get(uri).get("licence");
				assertThat(licence.get("id").asString()).as(uri).isEqualTo("ODbL-1.0");
				assertThat(licence.get("url").asString()).as(uri).isEqualTo(URL);
				assertThat(licence.get("attribution").asString()).as(uri)
					.isEqualTo("Data: Example City <open data> & friends");
			}
		}
		this.client.get()
			.uri("/api/v1/progress?level=1&format=csv")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.LINK, "<" + URL + ">; rel=\"license\"");
		assertThat(this.licence.linkHeader()).isEqualTo("<" + URL + ">; rel=\"license\"");
	}

	@Test
	void theConfiguredLicenceIsInOgcAndTileJson() {
		assertThat(get("/ogc/api").at("/info/license/name").asString())
			.isEqualTo("Open Data Commons Open Database License v1.0");
		assertThat(get("/ogc/collections/activities").get("links")
			.valueStream()
			.filter((link) -> link.get("rel").asString().equals("license"))
			.map((link) -> link.get("href").asString())).containsExactly(URL);
		assertThat(get("/tiles/activities.json").get("attribution").asString())
			.startsWith("Data: Example City &lt;open data&gt; &amp; friends · <a href=\"" + URL + "\">ODbL-1.0</a>");
	}

	private JsonNode get(String uri) {
		byte[] body = this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return this.json.readTree(body);
	}

}
