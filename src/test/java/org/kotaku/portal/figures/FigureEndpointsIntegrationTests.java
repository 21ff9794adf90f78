package org.kotaku.portal.figures;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Regions, profiles, progress and spending answered from the read model over the tiny
 * demo data.
 */
@IntegrationTest
@WithTinyDemo(readModel = true)
class FigureEndpointsIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void regionSearchByNameWithOrWithoutTypeWord() {
		for (String q : new String[] { "kota balikpapan", "balikpapan", "BALIKPAPAN" }) {
			this.client.get()
				.uri((b) -> b.path("/api/v1/regions").queryParam("q", q).build())
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.items[0].code")
				.isEqualTo("64.71")
				.jsonPath("$.items[0].parentName")
				.isNotEmpty()
				.jsonPath("$.items[0].inProgram")
				.isEqualTo(true)
				.jsonPath("$.dataVersion")
				.isNumber();
		}
	}

	@Test
	void regionListsFollowTheHierarchy() {
		this.client.get()
			.uri("/api/v1/regions")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[?(@.code == '64')].level")
			.isEqualTo(1);
		this.client.get()
			.uri("/api/v1/regions?parent=6471")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].level")
			.isEqualTo(3)
			.jsonPath("$.items[0].parent")
			.isEqualTo("64.71");
		this.client.get()
			.uri("/api/v1/regions?level=5")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("level");
	}

	@Test
	void regionProfileHasFiguresChildrenRankingAndLinks() {
		this.client.get()
			.uri("/api/v1/regions/6471")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.region.code")
			.isEqualTo("64.71")
			.jsonPath("$.region.path[0].code")
			.isEqualTo("64")
			.jsonPath("$.summary.hasData")
			.isEqualTo(true)
			.jsonPath("$.summary.slum.baselineHa")
			.isNumber()
			.jsonPath("$.children[0].level")
			.isEqualTo(3)
			.jsonPath("$.ranking.among")
			.isEqualTo("siblings")
			.jsonPath("$.ranking.of")
			.isNumber()
			.jsonPath("$.links.activities")
			.isEqualTo("/api/v1/activities?region=64.71");
		this.client.get()
			.uri("/api/v1/regions/99.99")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void progressGivesOneValuePerRegionAndNullWithoutData() {
		this.client.get()
			.uri("/api/v1/progress?level=2&metric=disbursement_rate&year=2020")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.metric")
			.isEqualTo("disbursement_rate")
			.jsonPath("$.unit")
			.isEqualTo("ratio")
			.jsonPath("$.items[?(@.code == '64.71')].value")
			.value((Object v) -> assertThat(v.toString()).matches("\\[0?\\.?[0-9.]+\\]"));
		this.client.get()
			.uri("/api/v1/progress?level=1&year=2011")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].value")
			.isEmpty()
			.jsonPath("$.items[0].hasData")
			.isEqualTo(false);
		this.client.get()
			.uri("/api/v1/progress?metric=bogus")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.allowed")
			.isArray()
			.jsonPath("$.parameter")
			.isEqualTo("metric");
	}

	/**
	 * Every level can be drawn and framed (issue #13): a district without a point of its
	 * own is placed at the centre of its villages' label points and spans them; progress
	 * gives the extent of what it lists.
	 */
	@Test
	void districtsArePlacedAndFramedByTheirVillages() {
		var districts = this.client.get()
			.uri("/api/v1/progress?parent=64.71")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		JsonNode district = districts.path("items").get(0);
		assertThat(district.path("lon").isNumber()).as("a district has a place").isTrue();
		var villages = this.client.get()
			.uri("/api/v1/progress?parent=" + district.path("code").asText())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		double west = Double.MAX_VALUE;
		double east = -Double.MAX_VALUE;
		double lonSum = 0;
		for (JsonNode village : villages.path("items")) {
			west = Math.min(west, village.path("lon").asDouble());
			east = Math.max(east, village.path("lon").asDouble());
			lonSum += village.path("lon").asDouble();
		}
		assertThat(district.path("lon").asDouble()).isCloseTo(lonSum / villages.path("items").size(), within(1e-9));
		assertThat(villages.path("bbox").get(0).asDouble()).isCloseTo(west, within(1e-9));
		assertThat(villages.path("bbox").get(2).asDouble()).isCloseTo(east, within(1e-9));
		JsonNode box = districts.path("bbox");
		assertThat(box.size()).isEqualTo(4);
		assertThat(box.get(0).asDouble()).isLessThanOrEqualTo(west);
		assertThat(box.get(2).asDouble()).isGreaterThanOrEqualTo(east);
		double villagesWest = west;
		this.client.get()
			.uri("/api/v1/regions/" + district.path("code").asText())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.region.bbox[0]")
			.value((Double w) -> assertThat(w).isCloseTo(villagesWest, within(1e-9)))
			.jsonPath("$.region.bbox.length()")
			.isEqualTo(4);
	}

	@Test
	void spendingBreakdowns() {
		this.client.get()
			.uri("/api/v1/spending?groupBy=source")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(5)
			.jsonPath("$.items[0].plannedIdr")
			.isEmpty();
		this.client.get()
			.uri("/api/v1/spending?groupBy=type&region=64.71&year=2020")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].activities")
			.isNumber()
			.jsonPath("$.region.code")
			.isEqualTo("64.71");
		this.client.get()
			.uri("/api/v1/spending?groupBy=region")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[?(@.key == '64')].plannedIdr")
			.isNotEmpty();
		this.client.get()
			.uri("/api/v1/spending?groupBy=program&year=2020")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].key")
			.isEqualTo("bpm_reguler");
		this.client.get().uri("/api/v1/spending?groupBy=colour").exchange().expectStatus().isBadRequest();
	}

}
