package org.kotaku.portal.slum;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.support.Csv;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.JsonApi;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/slum-areas} and {@code /{id}} (with {@code explain=true}) on the
 * tiny demo data.
 */
@IntegrationTest
@WithTinyDemo
class SlumAreaSearchIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	JsonMapper json;

	JsonNode get(String uri) {
		return new JsonApi(this.client, this.json).get(uri);
	}

	List<JsonNode> items(String uri) {
		List<JsonNode> items = new JsonApi(this.client, this.json).items(uri);
		assertThat(items).as(uri).isNotEmpty();
		return items;
	}

	@Test
	void filtersByRegionLevelAndName() {
		items("/api/v1/slum-areas?region=6471&limit=100")
			.forEach((s) -> assertThat(s.get("regencyCode").asString()).isEqualTo("64.71"));
		JsonNode first = items("/api/v1/slum-areas?region=64.71&limit=1").get(0);
		String village = first.get("villageCodes").get(0).asString();
		items("/api/v1/slum-areas?region=" + village + "&limit=100")
			.forEach((s) -> assertThat(s.get("villageCodes").toString()).contains(village));
		String level = first.get("latestLevel").asString();
		items("/api/v1/slum-areas?level=" + level + "&limit=100")
			.forEach((s) -> assertThat(s.get("latestLevel").asString()).isEqualTo(level));
		items("/api/v1/slum-areas?q=kawasan&limit=100")
			.forEach((s) -> assertThat(s.get("name").asString().toLowerCase()).contains("kawasan"));
		items("/api/v1/slum-areas?bbox=116.7,-1.4,117.1,-1.0&limit=100")
			.forEach((s) -> assertThat(s.get("regencyCode").asString()).isEqualTo("64.71"));
	}

	/**
	 * An area is near a point inside it at any radius, and a point far from every area
	 * finds none.
	 */
	@Test
	void nearFindsTheAreaAroundAPointAndNothingFarAway() {
		JsonNode area = items("/api/v1/slum-areas?region=64.71&limit=1").get(0);
		String point = area.get("lon").asDouble() + "," + area.get("lat").asDouble();
		assertThat(items("/api/v1/slum-areas?near=" + point + "&radius=1&limit=100"))
			.extracting((s) -> s.get("id").asString())
			.contains(area.get("id").asString());
		assertThat(get("/api/v1/slum-areas?near=0,0&radius=50000&limit=100").get("items").size())
			.as("the Gulf of Guinea")
			.isZero();
		this.client.get()
			.uri("/api/v1/slum-areas?radius=10")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("radius")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("near=lon,lat"));
	}

	@Test
	void sortsByAreaAndCountsExactly() {
		JsonNode page = get("/api/v1/slum-areas?sort=-areaHa&count=exact&limit=1000");
		List<Double> areas = new ArrayList<>();
		page.get("items").forEach((s) -> areas.add(s.get("areaHa").asDouble()));
		assertThat(areas).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(page.get("count").asInt()).isEqualTo(areas.size());
	}

	@Test
	void csvJoinsVillageCodesAndGeoJsonCarriesTheArea() {
		String csv = this.client.get()
			.uri("/api/v1/slum-areas?region=64.71&format=csv&limit=3")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		List<List<String>> records = Csv.parse(csv);
		assertThat(records.get(0)).startsWith("id", "name", "regencyCode");
		int villages = records.get(0).indexOf("villageCodes");
		assertThat(records.get(1).get(villages)).matches("[0-9.]+(;[0-9.]+)*");
		this.client.get()
			.uri("/api/v1/slum-areas?region=64.71&format=geojson&precision=5&limit=2")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/geo+json")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("FeatureCollection")
			.jsonPath("$.features[0].geometry.type")
			.value((String type) -> assertThat(type).isIn("Point", "MultiPolygon"))
			.jsonPath("$.features[0].properties.regencyCode")
			.isEqualTo("64.71");
	}

	@Test
	void explainShowsEveryCriterionAndTheBandsThatGiveTheLevel() {
		String id = items("/api/v1/slum-areas?region=64.71&limit=1").get(0).get("id").asString();
		JsonNode answer = get("/api/v1/slum-areas/" + id + "?explain=true");
		JsonNode explanation = answer.get("explanation");
		JsonNode item = answer.get("item");
		assertThat(explanation.get("year").asInt()).isEqualTo(item.get("latestYear").asInt());
		assertThat(explanation.get("regulation").get("code").asString())
			.isEqualTo(item.get("latestRegulation").asString());
		assertThat(explanation.get("criteria")).hasSize(explanation.get("regulation").get("criteriaCount").asInt());
		long total = 0;
		for (JsonNode criterion : explanation.get("criteria")) {
			double denominator = criterion.get("denominator").get("value").asDouble();
			double percentage = criterion.get("percentage").asDouble();
			if (denominator > 0) {
				assertThat(percentage).isCloseTo(criterion.get("volume").asDouble() / denominator * 100,
						org.assertj.core.data.Offset.offset(0.01));
			}
			assertThat(percentage).isBetween(criterion.get("scoreBand").get("minPct").asDouble(),
					criterion.get("scoreBand").get("maxPct").asDouble());
			total += criterion.get("score").asLong();
		}
		assertThat(explanation.get("totalScore").asLong()).isEqualTo(total)
			.isEqualTo(item.get("latestTotalScore").asLong());
		assertThat(total).isBetween(explanation.get("levelBand").get("minScore").asLong(),
				explanation.get("levelBand").get("maxScore").asLong());
		assertThat(explanation.get("level").asString()).isEqualTo(item.get("latestLevel").asString())
			.isEqualTo(explanation.get("levelBand").get("level").asString());
		assertThat(explanation.get("matchesStoredScore").asBoolean()).isTrue();
	}

	@Test
	void explainOfAnEarlierYearUsesThatYearsAssessment() {
		// a slum area of the synthetic dataset, which has an assessment every year (other
		// tests add areas of their own)
		String id = items("/api/v1/slum-areas?region=73.71&limit=100").stream()
			.map((item) -> item.get("id").asString())
			.filter((areaId) -> areaId.startsWith("KWS-"))
			.findFirst()
			.orElseThrow();
		JsonNode explanation = get("/api/v1/slum-areas/" + id + "?explain=true&year=2016").get("explanation");
		assertThat(explanation.get("year").asInt()).isEqualTo(2016);
		assertThat(explanation.get("criteria").size())
			.isEqualTo(explanation.get("regulation").get("criteriaCount").asInt());
		assertThat(get("/api/v1/slum-areas/" + id).has("explanation")).isFalse();
	}

	@Test
	void explainErrorsAreProblems() {
		String id = items("/api/v1/slum-areas?limit=1").get(0).get("id").asString();
		this.client.get()
			.uri("/api/v1/slum-areas/" + id + "?year=2016")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("year");
		this.client.get()
			.uri("/api/v1/slum-areas/" + id + "?explain=true&format=csv")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("explain");
		this.client.get()
			.uri("/api/v1/slum-areas/" + id + "?explain=true&year=2011")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/not-found");
		this.client.get()
			.uri("/api/v1/slum-areas/NO-SUCH-AREA?explain=true")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get()
			.uri("/api/v1/slum-areas?level=awful")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.allowed.length()")
			.isEqualTo(4);
		this.client.get()
			.uri("/api/v1/slum-areas?sort=latestLevel")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("sort");
	}

}
