package org.kotaku.portal.web;

import org.junit.jupiter.api.Test;

import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The per-address limit holds for answers the response cache gives before routing, too:
 * an app of its own with a burst of three requests.
 */
@IntegrationTest
@WithTinyDemo(readModel = true)
@TestPropertySource(properties = { "portal.rate-limit.enabled=true", "portal.rate-limit.capacity=3",
		"portal.rate-limit.refill-per-second=0.2" })
class RateLimitedCacheHitsIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void cachedAnswersCountAgainstTheLimit() {
		for (int i = 0; i < 3; i++) {
			this.client.get().uri("/api/v1/summary").exchange().expectStatus().isOk();
		}
		this.client.get()
			.uri("/api/v1/summary")
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/rate-limited");
	}

}
