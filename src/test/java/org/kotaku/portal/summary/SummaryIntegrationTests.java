package org.kotaku.portal.summary;

import org.junit.jupiter.api.Test;

import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * End-to-end reads of the summary: national and regional totals from the read model, and
 * health.
 */
@IntegrationTest
@WithTinyDemo(readModel = true)
class SummaryIntegrationTests {

	@Autowired
	WebTestClient client;

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
			.jsonPath("$.dataset")
			.isEqualTo("demo-synthetic")
			.jsonPath("$.dataVersion")
			.value((Number v) -> org.assertj.core.api.Assertions.assertThat(v.longValue()).isPositive())
			.jsonPath("$.slum.baselineHa")
			.value((Number v) -> org.assertj.core.api.Assertions.assertThat(v.doubleValue()).isPositive())
			.jsonPath("$.money.plannedIdr")
			.value((Number v) -> org.assertj.core.api.Assertions.assertThat(v.longValue()).isPositive())
			.jsonPath("$.money.disbursedIdr")
			.value((Number v) -> org.assertj.core.api.Assertions.assertThat(v.longValue()).isPositive())
			.jsonPath("$.activities.total")
			.value((Number v) -> org.assertj.core.api.Assertions.assertThat(v.longValue()).isPositive())
			.jsonPath("$.region")
			.isEmpty()
			.jsonPath("$.year")
			.isEmpty()
			.jsonPath("$.hasData")
			.isEqualTo(true)
			.jsonPath("$.slum.officialReducedHa")
			.isNumber()
			.jsonPath("$.slum.weightedReducedHa")
			.isNumber()
			.jsonPath("$.slum.areasByLevel.tidak_kumuh")
			.isNumber()
			.jsonPath("$.access.safeWaterPct")
			.isNumber()
			.jsonPath("$.money.bySource.length()")
			.isEqualTo(5)
			.jsonPath("$.money.byProgram[0].program")
			.isEqualTo("bpm_reguler")
			.jsonPath("$.activities.byStatus.completed")
			.isNumber()
			.jsonPath("$.activities.byType[0].outputs")
			.isArray()
			.jsonPath("$.beneficiaries.households")
			.isNumber()
			.jsonPath("$.labour.personDays")
			.isNumber()
			.jsonPath("$.coverage.regenciesInProgram")
			.isEqualTo(4)
			.jsonPath("$.series[0].year")
			.isNumber();
	}

	@Test
	void summaryOfARegionAndYear() {
		this.client.get()
			.uri("/api/v1/summary?region=6471&year=2020")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.region.code")
			.isEqualTo("64.71")
			.jsonPath("$.region.name")
			.isEqualTo("Kota Balikpapan")
			.jsonPath("$.year")
			.isEqualTo(2020)
			.jsonPath("$.coverage.regenciesInProgram")
			.isEqualTo(1);
	}

	@Test
	void aYearNobodyReportedForIsNoDataNotZero() {
		this.client.get()
			.uri("/api/v1/summary?year=2011")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.hasData")
			.isEqualTo(false)
			.jsonPath("$.money")
			.isEmpty()
			.jsonPath("$.activities")
			.isEmpty()
			.jsonPath("$.coverage.regenciesReporting")
			.isEqualTo(0);
	}

	@Test
	void badParametersAreProblems() {
		this.client.get()
			.uri("/api/v1/summary?year=abc")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("year");
		this.client.get()
			.uri("/api/v1/summary?region=99.99")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get().uri("/api/v1/summary?region=6").exchange().expectStatus().isBadRequest();
	}

	@Test
	void healthShowsEveryoneTheStatusAndInternalCallersTheDatabase() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components")
			.doesNotExist();
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components")
			.doesNotExist();
		this.client.get()
			.uri("/actuator/health/internal")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.r2dbc.status")
			.isEqualTo("UP")
			.jsonPath("$.components.readModel.status")
			.isEqualTo("UP")
			.jsonPath("$.components.readModel.details.listening")
			.isEqualTo(true);
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
			.jsonPath("$.type")
			.isEqualTo("/problems/not-found")
			.jsonPath("$.status")
			.isEqualTo(404);
	}

}
