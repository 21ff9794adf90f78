package org.kotaku.portal.summary;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.kotaku.portal.demo.DemoLoader;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.TinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The first end-to-end read: national totals from the database, and health with the database's state. */
@IntegrationTest
class SummaryIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	DemoLoader demo;

	@BeforeEach
	void loadDemo() {
		TinyDemo.ensureLoaded(this.demo);
	}

	@Test
	void summaryHasNonZeroDemoTotals() {
		this.client.get()
			.uri("/api/v1/summary")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.dataset").isEqualTo("demo-synthetic")
			.jsonPath("$.dataVersion").value((Number v) -> org.assertj.core.api.Assertions.assertThat(v.longValue()).isPositive())
			.jsonPath("$.slum.baselineHa").value((Number v) -> org.assertj.core.api.Assertions.assertThat(v.doubleValue()).isPositive())
			.jsonPath("$.money.plannedIdr").value((Number v) -> org.assertj.core.api.Assertions.assertThat(v.longValue()).isPositive())
			.jsonPath("$.money.disbursedIdr").value((Number v) -> org.assertj.core.api.Assertions.assertThat(v.longValue()).isPositive())
			.jsonPath("$.activities.total").value((Number v) -> org.assertj.core.api.Assertions.assertThat(v.longValue()).isPositive());
	}

	@Test
	void healthReportsTheDatabase() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components.r2dbc.status").isEqualTo("UP");
	}

	@Test
	void unknownPathIsProblemJson() {
		this.client.get()
			.uri("/api/v1/no-such-thing")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("/problems/not-found")
			.jsonPath("$.status").isEqualTo(404);
	}

}
