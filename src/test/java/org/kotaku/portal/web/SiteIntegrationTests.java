package org.kotaku.portal.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site's pages answer with index.html (never cached, strict CSP, not frameable except
 * embeds; the pages of one record, cached per data version, have
 * RecordPagesIntegrationTests), hashed assets are cached for a year, and the API keeps
 * its own answers. The index.html and asset served here are the fixture in
 * src/test/resources/static, which comes first on the test classpath.
 */
@IntegrationTest
@WithTinyDemo(readModel = true)
class SiteIntegrationTests {

	@Autowired
	WebTestClient client;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/peta?m=disbursement_rate&p=64", "/sekitar?near=116.83,-1.27", "/data", "/about",
			"/aksesibilitas" })
	void pagesAnswerIndexHtmlWithoutCacheAndWithStrictPolicy(String path) {
		this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.valueEquals("Cache-Control", "no-cache")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.value("Content-Security-Policy",
					(csp) -> assertThat(csp).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
						.doesNotContain("unsafe-inline", "unsafe-eval"))
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("<div id=\"app\"></div>"));
	}

	@Test
	void pagesAnswerHeadRequests() {
		this.client.head()
			.uri("/wilayah/64.71")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML);
	}

	@Test
	void embedsMayBeFramedByOtherSites() {
		this.client.get()
			.uri("/embed/wilayah/64.71")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("X-Frame-Options")
			.expectHeader()
			.value("Content-Security-Policy", (csp) -> assertThat(csp).contains("frame-ancestors *"));
	}

	@Test
	void hashedAssetsAreCachedForAYear() {
		this.client.get()
			.uri("/assets/fixture-abc123.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Cache-Control", SiteCacheHeaders.IMMUTABLE)
			.expectHeader()
			.value("Content-Type", (type) -> assertThat(type).contains("javascript"));
	}

	@Test
	void apiAndUnknownPathsAreNotAnsweredWithThePage() {
		this.client.get()
			.uri("/api/v1/no-such-thing")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get().uri("/wilayahx").exchange().expectStatus().isNotFound();
	}

	@Test
	void configTellsTheSiteWhichBaseMapStyleToUse() {
		this.client.get()
			.uri("/site/config.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.mapStyleUrl")
			.isEqualTo("")
			.jsonPath("$.contactEmail")
			.isEqualTo("");
	}

}
