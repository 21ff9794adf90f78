package org.kotaku.portal.figures;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.JsonApi;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/spending?groupBy=type} of a village, and of a district in one year,
 * which the read model does not keep and the database answers (RegionTypes): the items
 * add up to the region's activity budget, disbursement and count of the summary and to
 * the activities the search finds, in the shape of the other levels, with the data
 * version they were read at, cached per version.
 */
@IntegrationTest
@WithTinyDemo(readModel = true)
class RegionTypeSpendingIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	JsonMapper json;

	JsonApi api;

	String village;

	int year;

	@BeforeEach
	void aVillageWithActivities() {
		this.api = new JsonApi(this.client, this.json);
		JsonNode activity = this.api.items("/api/v1/activities?region=64.71&limit=1").get(0);
		this.village = activity.get("villageCode").asText();
		this.year = activity.get("fiscalYear").asInt();
	}

	@Test
	void aVillagesTypesAddUpToItsActivityBudgetAndCount() {
		JsonNode spending = this.api.get("/api/v1/spending?groupBy=type&region={code}", this.village);
		assertThat(spending.get("groupBy").asText()).isEqualTo("type");
		assertThat(spending.get("region").get("code").asText()).isEqualTo(this.village);
		assertThat(spending.get("region").get("level").asInt()).isEqualTo(4);
		assertThat(spending.get("year").isNull()).isTrue();
		assertAddsUpTo(spending, this.api.get("/api/v1/summary?region={code}", this.village));
		for (JsonNode item : spending.get("items")) {
			JsonNode found = this.api.get("/api/v1/activities?region={code}&type={type}&count=exact&limit=1",
					this.village, item.get("key").asText());
			assertThat(item.get("activities").asLong()).as(item.get("key") + " activities")
				.isEqualTo(found.get("count").asLong());
		}
	}

	@Test
	void aVillagesTypesInOneYearAddUpToThatYear() {
		JsonNode spending = this.api.get("/api/v1/spending?groupBy=type&region={code}&year={year}", this.village,
				this.year);
		assertThat(spending.get("year").asInt()).isEqualTo(this.year);
		assertAddsUpTo(spending, this.api.get("/api/v1/summary?region={code}&year={year}", this.village, this.year));
	}

	@Test
	void aDistrictsTypesInOneYearAddUpToThatYear() {
		String district = this.village.substring(0, 8);
		JsonNode spending = this.api.get("/api/v1/spending?groupBy=type&region={code}&year={year}", district,
				this.year);
		assertThat(spending.get("region").get("code").asText()).isEqualTo(district);
		assertAddsUpTo(spending, this.api.get("/api/v1/summary?region={code}&year={year}", district, this.year));
	}

	@Test
	void theAnswerNamesTheVersionItWasReadAtAndIsCachedByIt() {
		String uri = "/api/v1/spending?groupBy=type&region=" + this.village;
		EntityExchangeResult<byte[]> first = this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		JsonNode body = this.json.readTree(first.getResponseBody());
		long current = this.api.get("/api/v1/changes").get("dataVersion").asLong();
		assertThat(body.get("dataVersion").asLong()).isEqualTo(current);
		assertThat(first.getResponseHeaders().getFirst("X-Data-Version")).isEqualTo(Long.toString(current));
		assertThat(body.get("dataset").asText()).isEqualTo("demo-synthetic");
		assertThat(body.get("licence").get("id").asText()).isNotEmpty();
		String etag = first.getResponseHeaders().getETag();
		assertThat(etag).contains("v" + current);
		this.client.get().uri(uri).header(HttpHeaders.IF_NONE_MATCH, etag).exchange().expectStatus().isNotModified();
	}

	@Test
	void theCsvHasTheColumnsOfTheOtherLevels() {
		String csv = this.client.get()
			.uri("/api/v1/spending?groupBy=type&format=csv&region={code}&year={year}", this.village, this.year)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		List<String> lines = List.of(csv.strip().split("\r\n"));
		assertThat(lines.get(0)).isEqualTo(String.join(",", SpendingHandler.CSV_HEADER));
		JsonNode items = this.api
			.get("/api/v1/spending?groupBy=type&region={code}&year={year}", this.village, this.year)
			.get("items");
		assertThat(lines).hasSize(items.size() + 1);
		assertThat(lines.get(1)).startsWith("type," + items.get(0).get("key").asText() + ",," + this.year + ",,"
				+ items.get(0).get("budgetIdr").asLong() + ",");
	}

	@Test
	void anUnknownVillageIsStillNotFound() {
		this.client.get()
			.uri("/api/v1/spending?groupBy=type&region=64.71.02.9999")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	/**
	 * The items are types in code-point order and add up to the summary's activity
	 * budget, disbursement and count.
	 */
	private static void assertAddsUpTo(JsonNode spending, JsonNode summary) {
		List<String> types = new ArrayList<>();
		long budget = 0;
		long disbursed = 0;
		long activities = 0;
		for (JsonNode item : spending.get("items")) {
			types.add(item.get("key").asText());
			assertThat(item.get("plannedIdr").isNull()).isTrue();
			budget += item.get("budgetIdr").asLong();
			disbursed += item.get("disbursedIdr").asLong();
			activities += item.get("activities").asLong();
		}
		assertThat(types).as("types").isNotEmpty().isSorted().doesNotHaveDuplicates();
		assertThat(budget).as("budget").isEqualTo(summary.get("money").get("activityBudgetIdr").asLong());
		assertThat(disbursed).as("disbursed").isEqualTo(summary.get("money").get("activityDisbursedIdr").asLong());
		assertThat(activities).as("activities").isEqualTo(summary.get("activities").get("total").asLong());
	}

}
