package org.kotaku.portal.activity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.ingest.IngestService;
import org.kotaku.portal.support.Csv;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.JsonApi;
import org.kotaku.portal.support.TestActivities;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyset paging that stays exact while data change between two pages, and the CSV export:
 * RFC 4180 escaping, non-ASCII text, the optional byte order mark, and {@code limit=all}
 * streaming.
 */
@IntegrationTest
@WithTinyDemo
class ActivityPagingAndExportIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	IngestService ingest;

	@Autowired
	JsonMapper json;

	JsonNode get(String uri) {
		return new JsonApi(this.client, this.json).get(uri);
	}

	List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items").forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

	/**
	 * Rows of 73.71 at the start, every page of one walk, with an ingestion after the
	 * first page.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "id", "-budgetIdr", "name" })
	void aWalkReadsEveryRowOnceWhenAnIngestionHappensBetweenPages(String sort) {
		String query = "/api/v1/activities?region=73.71&sort=" + sort + "&limit=7";
		Set<String> before = new HashSet<>(ids(get("/api/v1/activities?region=73.71&limit=1000")));
		assertThat(before.size()).isGreaterThan(20);
		JsonNode page = get(query);
		List<String> walked = new ArrayList<>(ids(page));
		JsonNode sample = page.get("items").get(0);
		String village = sample.get("villageCode").asString();
		String tag = sort.replace("-", "");
		JsonNode later = laterRow(before, walked);
		TestActivities.ingest(this.ingest, List.of(
				TestActivities.row("AAA-PAGING-" + tag, village, "AAA new first row", 1, 119.42, -5.14),
				TestActivities.row("ZZZ-PAGING-" + tag, village, "zzz new last row", 999_000_000_000L, 119.42, -5.14),
				TestActivities.row(later.get("id").asString(), later.get("villageCode").asString(),
						later.get("name").asString(), later.get("budgetIdr").asLong(), later.get("lon").asDouble(),
						later.get("lat").asDouble())));
		while (page.get("links").get("next").isString()) {
			page = get(page.get("links").get("next").asString());
			walked.addAll(ids(page));
		}
		assertThat(walked).doesNotHaveDuplicates();
		assertThat(new HashSet<>(walked)).isEqualTo(before);
		assertThat(get("/api/v1/activities/" + later.get("id").asString()).get("item").get("status").asString())
			.as("the row updated between pages")
			.isEqualTo("ongoing");
		assertThat(ids(get("/api/v1/activities?region=73.71&limit=1000"))).contains("AAA-PAGING-" + tag,
				"ZZZ-PAGING-" + tag);
	}

	/**
	 * A row the walk has not reached yet, to be updated (keeping its sort values) between
	 * two pages.
	 */
	private JsonNode laterRow(Set<String> all, List<String> walked) {
		String id = all.stream().filter((candidate) -> !walked.contains(candidate)).sorted().findFirst().orElseThrow();
		return get("/api/v1/activities/" + id).get("item");
	}

	@Test
	void csvQuotesCommasAndQuotesAndKeepsNonAsciiLetters() {
		String village = get("/api/v1/activities?region=35.78&limit=1").get("items")
			.get(0)
			.get("villageCode")
			.asString();
		String name = "Saluran \"Kali Mas\", Kelurahan Ngagel – Jalan Ñoño, ŞŒ ü 日本";
		TestActivities.ingest(this.ingest,
				List.of(TestActivities.row("CSV-ESCAPE-1", village, name, 123_456_789, 112.74, -7.26)));
		byte[] body = this.client.get()
			.uri("/api/v1/activities?q={q}&format=csv&bom=true", "Kali Mas")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/csv;charset=UTF-8")
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
		assertThat(text).contains("\"Saluran \"\"Kali Mas\"\", Kelurahan Ngagel – Jalan Ñoño, ŞŒ ü 日本\"");
		List<List<String>> records = Csv.parse(text);
		assertThat(records).hasSize(2);
		List<String> header = records.get(0);
		Map<String, String> row = new java.util.HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			row.put(header.get(i), records.get(1).get(i));
		}
		assertThat(row).containsEntry("name", name)
			.containsEntry("budgetIdr", "123456789")
			.containsEntry("startDate", "")
			.containsEntry("costBpmIdr", "123456789");
		JsonNode item = get("/api/v1/activities/CSV-ESCAPE-1").get("item");
		assertThat(new LinkedHashSet<>(header)).containsExactlyElementsOf(item.propertyNames());
	}

	@Test
	void csvHeaderNamesAreTheJsonNamesAndDatesAreIso() {
		String csv = this.client.get()
			.uri("/api/v1/activities?region=64.71&format=csv&status=completed&limit=5")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		List<List<String>> records = Csv.parse(csv);
		JsonNode item = get("/api/v1/activities?region=64.71&status=completed&limit=1").get("items").get(0);
		assertThat(records.get(0)).containsExactlyElementsOf(item.propertyNames());
		int endDate = records.get(0).indexOf("endDate");
		records.subList(1, records.size()).forEach((r) -> assertThat(r.get(endDate)).matches("\\d{4}-\\d{2}-\\d{2}"));
		assertThat(csv).doesNotStartWith("\uFEFF");
	}

	@Test
	void limitAllStreamsTheWholeResultWithoutPaging() {
		long total = get("/api/v1/activities?count=exact&limit=1").get("count").asLong();
		HttpHeaders headers = this.client.get()
			.uri("/api/v1/activities?format=csv&limit=all")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Row-Count", Long.toString(total))
			.expectHeader()
			.doesNotExist("X-Spreadsheet-Warning")
			.expectHeader()
			.value(HttpHeaders.CONTENT_DISPOSITION, (v) -> assertThat(v).contains("activities.csv"))
			.expectBody(String.class)
			.consumeWith((result) -> assertThat(Csv.parse(result.getResponseBody())).hasSize((int) total + 1))
			.returnResult()
			.getResponseHeaders();
		assertThat(headers.getFirst(HttpHeaders.LINK)).doesNotContain("rel=\"next\"");
		JsonNode all = get("/api/v1/activities?limit=all&region=32.73");
		assertThat(all.get("links").get("next").isNull()).isTrue();
		assertThat(all.get("items").size()).isEqualTo(all.get("count").asInt());
	}

}
