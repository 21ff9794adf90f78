package org.kotaku.portal.activity;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.JsonApi;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/activities} and {@code /{id}} on the tiny demo data: every filter,
 * sort, count and error.
 */
@IntegrationTest
@WithTinyDemo
class ActivitySearchIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	JsonMapper json;

	JsonNode get(String uri, Object... variables) {
		return new JsonApi(this.client, this.json).get(uri, variables);
	}

	List<JsonNode> items(String uri, Object... variables) {
		return new JsonApi(this.client, this.json).items(uri, variables);
	}

	void everyItem(String uri, Consumer<JsonNode> check) {
		List<JsonNode> items = items(uri);
		assertThat(items).as(uri).isNotEmpty();
		items.forEach(check);
	}

	@Test
	void regionFilterWorksAtEveryLevelDottedOrDigits() {
		everyItem("/api/v1/activities?region=64.71&limit=50",
				(a) -> assertThat(a.get("regencyCode").asString()).isEqualTo("64.71"));
		assertThat(items("/api/v1/activities?region=6471&limit=50"))
			.isEqualTo(items("/api/v1/activities?region=64.71&limit=50"));
		everyItem("/api/v1/activities?region=64&limit=50",
				(a) -> assertThat(a.get("villageCode").asString()).startsWith("64."));
		String village = items("/api/v1/activities?region=64.71&limit=1").get(0).get("villageCode").asString();
		everyItem("/api/v1/activities?region=" + village.replace(".", "") + "&limit=50",
				(a) -> assertThat(a.get("villageCode").asString()).isEqualTo(village));
		String district = village.substring(0, 8);
		everyItem("/api/v1/activities?region=" + district + "&limit=50",
				(a) -> assertThat(a.get("villageCode").asString()).startsWith(district + "."));
	}

	@Test
	void bboxYearAndTypeFiltersCombine() {
		everyItem("/api/v1/activities?bbox=116.7,-1.4,117.1,-1.0&year=2021&type=drainage,road&limit=200", (a) -> {
			assertThat(a.get("lon").asDouble()).isBetween(116.7, 117.1);
			assertThat(a.get("lat").asDouble()).isBetween(-1.4, -1.0);
			assertThat(a.get("fiscalYear").asInt()).isEqualTo(2021);
			assertThat(a.get("type").asString()).isIn("drainage", "road");
		});
		everyItem("/api/v1/activities?yearFrom=2018&yearTo=2019&limit=200",
				(a) -> assertThat(a.get("fiscalYear").asInt()).isBetween(2018, 2019));
	}

	/**
	 * near/radius keeps exactly what lies within the radius: checked against great-circle
	 * distances computed here over every activity of a box around the point (a sphere
	 * differs from the spheroid by under 0.5 %).
	 */
	@Test
	void nearKeepsWhatLiesWithinTheRadius() {
		JsonNode centre = items("/api/v1/activities?region=64.71&limit=1").get(0);
		double lon = centre.get("lon").asDouble();
		double lat = centre.get("lat").asDouble();
		int radius = 3000;
		List<JsonNode> around = items("/api/v1/activities?bbox=" + (lon - 0.1) + "," + (lat - 0.1) + "," + (lon + 0.1)
				+ "," + (lat + 0.1) + "&limit=1000");
		assertThat(around).hasSizeLessThan(1000);
		List<String> near = items("/api/v1/activities?near=" + lon + "," + lat + "&radius=" + radius + "&limit=1000")
			.stream()
			.map((a) -> a.get("id").asString())
			.toList();
		assertThat(near).contains(centre.get("id").asString());
		for (JsonNode a : around) {
			double metres = greatCircleMetres(lon, lat, a.get("lon").asDouble(), a.get("lat").asDouble());
			if (metres < radius * 0.995) {
				assertThat(near).as("%s at %.0f m", a.get("id"), metres).contains(a.get("id").asString());
			}
			else if (metres > radius * 1.005) {
				assertThat(near).as("%s at %.0f m", a.get("id"), metres).doesNotContain(a.get("id").asString());
			}
		}
		assertThat(near).hasSizeLessThan(around.size());
		everyItem(
				"/api/v1/activities?near=" + lon + "," + lat + "&year=" + centre.get("fiscalYear").asInt()
						+ "&limit=100",
				(a) -> assertThat(a.get("fiscalYear").asInt()).isEqualTo(centre.get("fiscalYear").asInt()));
	}

	private static double greatCircleMetres(double lon1, double lat1, double lon2, double lat2) {
		double p1 = Math.toRadians(lat1);
		double p2 = Math.toRadians(lat2);
		double dp = p2 - p1;
		double dl = Math.toRadians(lon2 - lon1);
		double h = Math.sin(dp / 2) * Math.sin(dp / 2)
				+ Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
		return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
	}

	@Test
	void statusSourceBudgetAndTextFiltersHold() {
		everyItem("/api/v1/activities?status=completed&limit=100", (a) -> {
			assertThat(a.get("status").asString()).isEqualTo("completed");
			assertThat(a.get("physicalProgress").decimalValue()).isEqualByComparingTo("100");
		});
		everyItem("/api/v1/activities?source=swadaya&limit=100",
				(a) -> assertThat(a.get("costSwadayaIdr").asLong()).isPositive());
		everyItem("/api/v1/activities?source=apbd,csr&limit=100",
				(a) -> assertThat(a.get("costApbdIdr").asLong() + a.get("costCsrIdr").asLong()).isPositive());
		everyItem("/api/v1/activities?minBudget=50000000&maxBudget=200000000&limit=100",
				(a) -> assertThat(a.get("budgetIdr").asLong()).isBetween(50_000_000L, 200_000_000L));
		everyItem("/api/v1/activities?q=DRAINASE&limit=100",
				(a) -> assertThat(a.get("name").asString().toLowerCase()).contains("drainase"));
		assertThat(items("/api/v1/activities?q={q}&limit=5", "100%")).isEmpty();
		assertThat(items("/api/v1/activities?q={q}&limit=5", "_")).isEmpty();
	}

	@Test
	void sortsByBudgetDescendingWithIdAsTieBreaker() {
		List<JsonNode> items = items("/api/v1/activities?sort=-budgetIdr&limit=300");
		for (int i = 1; i < items.size(); i++) {
			long previous = items.get(i - 1).get("budgetIdr").asLong();
			long current = items.get(i).get("budgetIdr").asLong();
			assertThat(current).isLessThanOrEqualTo(previous);
			if (current == previous) {
				assertThat(items.get(i).get("id").asString()).isLessThan(items.get(i - 1).get("id").asString());
			}
		}
	}

	@Test
	void countsExactlyOrByEstimateOrNotAtAll() {
		JsonNode exact = get("/api/v1/activities?region=64.71&count=exact&limit=1");
		assertThat(exact.get("countKind").asString()).isEqualTo("exact");
		long counted = exact.get("count").asLong();
		String csv = this.client.get()
			.uri("/api/v1/activities?region=64.71&format=csv&limit=all")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Row-Count", Long.toString(counted))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(org.kotaku.portal.support.Csv.parse(csv)).hasSize((int) counted + 1);
		JsonNode estimate = get("/api/v1/activities?region=64.71&count=estimate&limit=1");
		assertThat(estimate.get("countKind").asString()).isEqualTo("estimate");
		assertThat(estimate.get("count").asLong()).isNotNegative();
		assertThat(get("/api/v1/activities?limit=1").has("count")).isFalse();
	}

	@Test
	void oneActivityByIdInEveryFormat() {
		JsonNode first = items("/api/v1/activities?region=73.71&limit=1").get(0);
		String id = first.get("id").asString();
		JsonNode item = get("/api/v1/activities/" + id);
		assertThat(item.get("item")).isEqualTo(first);
		assertThat(item.get("dataset").asString()).isEqualTo("demo-synthetic");
		this.client.get()
			.uri("/api/v1/activities/" + id + "?precision=2")
			.accept(MediaType.parseMediaType("application/geo+json"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/geo+json")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("Feature")
			.jsonPath("$.id")
			.isEqualTo(id)
			.jsonPath("$.geometry.type")
			.isEqualTo("Point")
			.jsonPath("$.properties.budgetIdr")
			.isEqualTo(first.get("budgetIdr").asLong());
		this.client.get()
			.uri("/api/v1/activities/NO-SUCH-THING")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/not-found");
	}

	@Test
	void geoJsonHonoursPrecisionAndCanLeaveGeometriesOut() {
		String body = this.client.get()
			.uri("/api/v1/activities?format=geojson&precision=2&limit=20")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/geo+json")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		JsonNode collection = this.json.readTree(body);
		assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
		assertThat(collection.get("features")).hasSize(20);
		collection.get("features").forEach((feature) -> {
			for (JsonNode coordinate : feature.get("geometry").get("coordinates")) {
				assertThat(new BigDecimal(coordinate.asString()).scale()).isLessThanOrEqualTo(2);
			}
			assertThat(feature.get("properties").get("id").asString()).isEqualTo(feature.get("id").asString());
		});
		this.client.get()
			.uri("/api/v1/activities?format=geojson&geometry=false&limit=3")
			.exchange()
			.expectBody()
			.jsonPath("$.features[0].geometry")
			.isEmpty()
			.jsonPath("$.features[2].properties.lon")
			.isNumber();
	}

	@ParameterizedTest
	@ValueSource(strings = { "bbox=1,2,3", "bbox=a,b,c,d", "bbox=10,10,5,5", "bbox=95,-11,200,6",
			"bbox=-180,-90,180,90", "region=6a", "year=1999", "year=twenty", "type=bridge", "source=bank",
			"status=done", "limit=0", "limit=1001", "limit=many", "sort=cost", "count=maybe", "format=xml",
			"cursor=garbage", "precision=16", "bom=yes", "colour=red", "q=", "minBudget=-1",
			"limit=all&cursor=MQ.aWQ.eA.eA.MQ", "near=116.8", "near=a,b", "near=116.8,89", "near=200,0", "radius=2000",
			"radius=0", "radius=50001" })
	void badParametersAreProblemsNamingTheParameter(String query) {
		String parameter = query.contains("&") ? "limit" : query.substring(0, query.indexOf('='));
		this.client.get()
			.uri("/api/v1/activities?" + query)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/invalid-parameter")
			.jsonPath("$.parameter")
			.isEqualTo(parameter)
			.jsonPath("$.detail")
			.isNotEmpty();
	}

	@Test
	void invalidParameterListsTheAllowedValues() {
		this.client.get()
			.uri("/api/v1/activities?type=bridge")
			.exchange()
			.expectBody()
			.jsonPath("$.allowed[0]")
			.isEqualTo("capacity")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("bridge").contains("drainage"));
	}

	@Test
	void unknownRegionIsNotFoundAndUnservableAcceptIsNotAcceptable() {
		this.client.get()
			.uri("/api/v1/activities?region=99.98")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("There is no region '99.98'.");
		this.client.get()
			.uri("/api/v1/activities")
			.accept(MediaType.IMAGE_PNG)
			.exchange()
			.expectStatus()
			.isEqualTo(406)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/not-acceptable");
	}

	@Test
	void cursorOfAnotherSortIsRefused() {
		String next = get("/api/v1/activities?limit=2").get("links").get("next").asString();
		String cursor = next.substring(next.indexOf("cursor=") + 7);
		this.client.get()
			.uri("/api/v1/activities?sort=-budgetIdr&limit=2&cursor=" + cursor)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("cursor");
	}

}
