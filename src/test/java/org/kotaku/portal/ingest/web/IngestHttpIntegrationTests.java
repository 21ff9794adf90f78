package org.kotaku.portal.ingest.web;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.kotaku.portal.demo.DemoLoader;
import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.ingest.keys.ApiKeys;
import org.kotaku.portal.readmodel.ReadModel;
import org.kotaku.portal.support.Csv;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.ReadModels;
import org.kotaku.portal.support.TestDatabase;
import org.kotaku.portal.support.TinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingestion endpoint over HTTP on real PostGIS: every dataset in every body format
 * commits and is counted right, a re-sent batch changes nothing, one bad row among 10,000
 * commits nothing and is named, and credentials, media types, sizes and unknown datasets
 * are refused with the right problem.
 */
@IntegrationTest
class IngestHttpIntegrationTests {

	static final MediaType CSV = new MediaType("text", "csv");

	static final ParameterizedTypeReference<Map<String, Object>> RECORD = new ParameterizedTypeReference<>() {
	};

	@Autowired
	WebTestClient http;

	@Autowired
	ApiKeys keys;

	@Autowired
	DemoLoader demo;

	@Autowired
	ReadModel readModel;

	String key;

	@BeforeEach
	void setUp() {
		TinyDemo.ensureLoaded(this.demo);
		this.http = this.http.mutate().responseTimeout(Duration.ofMinutes(2)).build();
		this.key = this.keys.create("http-tests", List.of(Dataset.values())).block().key();
	}

	@Test
	void everyDatasetCommitsAndIsCountedRightAndResendingChangesNothing() {
		List<MediaType> formats = List.of(RowDecoder.NDJSON, MediaType.APPLICATION_JSON, CSV);
		int i = 0;
		for (Dataset dataset : org.kotaku.portal.demo.DemoDataset.loadOrder()) {
			MediaType format = formats.get(i++ % formats.size());
			List<Map<String, Object>> rows = IngestFixtures.rows(dataset, "H1-", 12);
			assertThat(rows).as(dataset.publicName()).hasSize(12);
			Map<String, Object> first = post(dataset, format, body(format, rows)).expectStatus()
				.isCreated()
				.expectBody(RECORD)
				.returnResult()
				.getResponseBody();
			assertThat(first).as(dataset + " as " + format)
				.containsEntry("rowsReceived", 12)
				.containsEntry("rowsInserted", 12)
				.containsEntry("rowsUpdated", 0)
				.containsEntry("rowsUnchanged", 0)
				.containsEntry("source", "http-tests");
			Map<String, Object> again = post(dataset, format, body(format, rows)).expectStatus()
				.isCreated()
				.expectBody(RECORD)
				.returnResult()
				.getResponseBody();
			assertThat(again).as("re-sent " + dataset + " as " + format)
				.containsEntry("rowsInserted", 0)
				.containsEntry("rowsUpdated", 0)
				.containsEntry("rowsUnchanged", 12);
			assertThat(((Number) again.get("dataVersion")).longValue())
				.isGreaterThan(((Number) first.get("dataVersion")).longValue());
		}
	}

	@Test
	void csvGeometriesMayBeWkt() throws Exception {
		List<Map<String, Object>> rows = IngestFixtures.rows(Dataset.SLUM_AREAS, "H6-", 2);
		for (Map<String, Object> row : rows) {
			List<?> ring = (List<?>) ((List<?>) ((Map<?, ?>) row.get("geometry")).get("coordinates")).get(0);
			row.put("geometry",
					"POLYGON ((" + String.join(", ",
							ring.stream().map((p) -> ((List<?>) p).get(0) + " " + ((List<?>) p).get(1)).toList())
							+ "))");
			row.put("location", "POINT (116.85 -1.25)");
		}
		post(Dataset.SLUM_AREAS, CSV, IngestFixtures.csv(rows)).expectStatus().isCreated();
		assertThat(count(
				"select count(*) from slum_area where id like 'H6-%' and ST_GeometryType(geom) = 'ST_MultiPolygon'"))
			.isEqualTo(2);
	}

	@Test
	void oneBadRowAmongTenThousandCommitsNothingAndIsNamed() throws Exception {
		List<Map<String, Object>> rows = new java.util.ArrayList<>();
		Map<String, Object> template = IngestFixtures.standalone(Dataset.ACTIVITIES, "H2-", 1).get(0);
		for (int n = 0; n < 10_000; n++) {
			Map<String, Object> row = new java.util.LinkedHashMap<>(template);
			row.put("id", "H2-" + n);
			rows.add(row);
		}
		rows.get(7_776).put("budgetIdr", "12.5");
		post(Dataset.ACTIVITIES, RowDecoder.NDJSON, IngestFixtures.ndjson(rows)).expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/invalid-rows")
			.jsonPath("$.errorCount")
			.isEqualTo(1)
			.jsonPath("$.rowsReceived")
			.isEqualTo(10_000)
			.jsonPath("$.errors[0].row")
			.isEqualTo(7_777)
			.jsonPath("$.errors[0].field")
			.isEqualTo("budgetIdr");
		assertThat(count("select count(*) from activity where id like 'H2-%'")).isZero();
	}

	@Test
	void valuesTheDatabaseCannotHoldAndUnknownFieldsAreRowErrorsNotOutages() throws Exception {
		List<Map<String, Object>> rows = IngestFixtures.standalone(Dataset.ACTIVITIES, "H9-", 4);
		rows.get(0).put("name", "Jalan\u0000lingkungan");
		rows.get(1).put("startDate", "0000-01-01");
		rows.get(2).put("budgetIDR", 5_000_000);
		rows.get(3).put("endDate", "2101-01-01");
		post(Dataset.ACTIVITIES, RowDecoder.NDJSON, IngestFixtures.ndjson(rows)).expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/invalid-rows")
			.jsonPath("$.errorCount")
			.isEqualTo(4)
			.jsonPath("$.errors[0].field")
			.isEqualTo("name")
			.jsonPath("$.errors[0].message")
			.value((String m) -> assertThat(m).contains("U+0000"))
			.jsonPath("$.errors[1].field")
			.isEqualTo("startDate")
			.jsonPath("$.errors[2].field")
			.isEqualTo("budgetIDR")
			.jsonPath("$.errors[2].message")
			.value((String m) -> assertThat(m).contains("not a field"))
			.jsonPath("$.errors[3].field")
			.isEqualTo("endDate");
		assertThat(count("select count(*) from activity where id like 'H9-%'")).isZero();
	}

	@Test
	void missingWrongAndRevokedKeysAreRefused() {
		String body = IngestFixtures.ndjson(IngestFixtures.rows(Dataset.ACCESS_INDICATORS, "H3-", 1));
		this.http.post()
			.uri("/internal/v1/ingest/access-indicators")
			.contentType(RowDecoder.NDJSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Bearer realm=\"kotaku-internal\"")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.cacheControl(org.springframework.http.CacheControl.noStore());
		this.http.post()
			.uri("/internal/v1/ingest/access-indicators")
			.contentType(RowDecoder.NDJSON)
			.header("Authorization", "Bearer ktk_not-a-key")
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isUnauthorized();
		ApiKeys.CreatedKey revoked = this.keys.create("http-tests", List.of(Dataset.ACCESS_INDICATORS)).block();
		this.keys.revoke(revoked.id()).block();
		this.http.post()
			.uri("/internal/v1/ingest/access-indicators")
			.contentType(RowDecoder.NDJSON)
			.header("Authorization", "Bearer " + revoked.key())
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.http.get().uri("/internal/v1/batches/1").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void keyNotScopedToTheDatasetIsForbidden() {
		String regionsOnly = this.keys.create("regions-only", List.of(Dataset.REGIONS)).block().key();
		this.http.post()
			.uri("/internal/v1/ingest/activities")
			.contentType(RowDecoder.NDJSON)
			.header("Authorization", "Bearer " + regionsOnly)
			.bodyValue("{}\n")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/forbidden");
	}

	@Test
	void unknownDatasetUnsupportedMediaTypeAndMalformedBodiesAreProblems() {
		post("villages", RowDecoder.NDJSON, "{}\n").expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/not-found");
		post("activities", MediaType.APPLICATION_XML, "<rows/>").expectStatus()
			.isEqualTo(415)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/unsupported-media-type");
		post("activities", MediaType.APPLICATION_JSON, "[{\"id\": ").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/malformed-body");
		post("activities", RowDecoder.NDJSON, "{}\n").expectStatus().isEqualTo(422);
	}

	@Test
	void batchRecordIsReadBack() {
		List<Map<String, Object>> rows = IngestFixtures.rows(Dataset.ACCESS_INDICATORS, "H4-", 3);
		rows.forEach((r) -> r.put("year", ((Number) r.get("year")).intValue() - 20));
		Map<String, Object> created = post(Dataset.ACCESS_INDICATORS, CSV, IngestFixtures.csv(rows)).expectStatus()
			.isCreated()
			.expectBody(RECORD)
			.returnResult()
			.getResponseBody();
		this.http.get()
			.uri("/internal/v1/batches/" + created.get("id"))
			.header("Authorization", "Bearer " + this.key)
			.header("Origin", "https://elsewhere.example")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.cacheControl(org.springframework.http.CacheControl.noStore())
			.expectHeader()
			.doesNotExist("Access-Control-Allow-Origin")
			.expectBody(RECORD)
			.isEqualTo(created);
		this.http.get()
			.uri("/internal/v1/batches/987654321")
			.header("Authorization", "Bearer " + this.key)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.cacheControl(org.springframework.http.CacheControl.noStore());
		this.http.options()
			.uri("/internal/v1/ingest/activities")
			.header("Origin", "https://elsewhere.example")
			.header("Access-Control-Request-Method", "POST")
			.exchange()
			.expectHeader()
			.doesNotExist("Access-Control-Allow-Origin")
			.expectHeader()
			.doesNotExist("Access-Control-Allow-Methods");
	}

	@Test
	void idempotencyKeyReplaysTheFirstBatchOrRefusesADifferentBody() throws Exception {
		List<Map<String, Object>> rows = IngestFixtures.standalone(Dataset.ACTIVITIES, "H5-", 5);
		String body = IngestFixtures.ndjson(rows);
		Map<String, Object> first = idempotent("retry-1", body).expectStatus()
			.isCreated()
			.expectBody(RECORD)
			.returnResult()
			.getResponseBody();
		long batches = count("select count(*) from ingest_batch");
		Map<String, Object> replay = idempotent("retry-1", body).expectStatus()
			.isOk()
			.expectBody(RECORD)
			.returnResult()
			.getResponseBody();
		assertThat(replay).isEqualTo(first);
		assertThat(count("select count(*) from ingest_batch")).isEqualTo(batches);
		rows.get(0).put("name", "another name");
		idempotent("retry-1", IngestFixtures.ndjson(rows)).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/conflict")
			.jsonPath("$.batchId")
			.isEqualTo(first.get("id"));
	}

	@Test
	void formulaNamesAreGuardedInTheCsvExportAndExactInJsonWhileNegativeCoordinatesStayNumbers() {
		List<Map<String, Object>> rows = IngestFixtures.standalone(Dataset.ACTIVITIES, "H7-", 2);
		List<String> names = List.of("=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)");
		for (int i = 0; i < rows.size(); i++) {
			rows.get(i).put("name", names.get(i));
			rows.get(i).put("location", Map.of("type", "Point", "coordinates", List.of(116.85, -1.25)));
		}
		post(Dataset.ACTIVITIES, RowDecoder.NDJSON, IngestFixtures.ndjson(rows)).expectStatus().isCreated();
		ReadModels.awaitLatest(this.readModel);
		String text = this.http.get()
			.uri("/api/v1/activities?format=csv&limit=all&bbox=116.849,-1.251,116.851,-1.249")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		List<List<String>> csv = Csv.parse(text);
		List<String> header = csv.get(0);
		for (int i = 0; i < rows.size(); i++) {
			String id = rows.get(i).get("id").toString();
			List<String> record = csv.stream()
				.filter((r) -> r.get(header.indexOf("id")).equals(id))
				.findFirst()
				.orElseThrow();
			assertThat(record.get(header.indexOf("name"))).isEqualTo("'" + names.get(i));
			assertThat(record.get(header.indexOf("lat"))).startsWith("-1.25").matches("-[0-9.]+");
			JsonNode item = IngestFixtures.JSON
				.readTree(this.http.get()
					.uri("/api/v1/activities/" + id)
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody(String.class)
					.returnResult()
					.getResponseBody())
				.get("item");
			assertThat(item.get("name").asString()).isEqualTo(names.get(i));
			assertThat(item.get("lat").decimalValue()).isEqualByComparingTo("-1.25");
		}
		assertThat(text).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",", ",'@SUM(A1),", ",-1.25");
	}

	private WebTestClient.ResponseSpec idempotent(String idempotencyKey, String body) {
		return this.http.post()
			.uri("/internal/v1/ingest/activities")
			.contentType(RowDecoder.NDJSON)
			.header("Authorization", "Bearer " + this.key)
			.header("Idempotency-Key", idempotencyKey)
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec post(Dataset dataset, MediaType format, String body) {
		return post(dataset.publicName(), format, body);
	}

	private WebTestClient.ResponseSpec post(String dataset, MediaType format, String body) {
		return this.http.post()
			.uri("/internal/v1/ingest/" + dataset)
			.contentType(format)
			.header("Authorization", "Bearer " + this.key)
			.bodyValue(body)
			.exchange();
	}

	private static String body(MediaType format, List<Map<String, Object>> rows) {
		if (format.equals(CSV)) {
			return IngestFixtures.csv(rows);
		}
		return format.equals(RowDecoder.NDJSON) ? IngestFixtures.ndjson(rows) : IngestFixtures.jsonArray(rows);
	}

	static String text(String query) throws Exception {
		try (Connection c = TestDatabase.shared().connect();
				Statement s = c.createStatement();
				ResultSet rows = s.executeQuery(query)) {
			rows.next();
			return rows.getString(1);
		}
	}

	static long count(String query) throws Exception {
		try (Connection c = TestDatabase.shared().connect();
				Statement s = c.createStatement();
				ResultSet rows = s.executeQuery(query)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
