package org.kotaku.portal.opendata;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.catalog.Field;
import org.kotaku.portal.support.Csv;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.JsonApi;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dataset of the catalog is readable the same way (list, by id, JSON/CSV/GeoJSON,
 * OGC items), and every public answer of a dataset carries exactly the catalog's fields:
 * a field the catalog does not describe, or one it describes that an answer leaves out,
 * fails here. On the tiny demo data.
 */
@IntegrationTest
@WithTinyDemo
class RecordDatasetsIntegrationTests {

	/**
	 * Datasets with list and by-id routes of their own; regions are served by the
	 * aggregate region API.
	 */
	static Stream<Dataset> listed() {
		return Catalog.all().stream().filter((d) -> d != Catalog.REGIONS);
	}

	@Autowired
	WebTestClient client;

	@Autowired
	JsonMapper json;

	JsonApi api() {
		return new JsonApi(this.client, this.json);
	}

	String text(String uri) {
		return this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	static List<String> names(JsonNode object) {
		List<String> names = new ArrayList<>();
		object.propertyNames().forEach(names::add);
		return names;
	}

	/**
	 * The fields OGC features carry as properties: all but the coordinates, which are the
	 * geometry.
	 */
	static List<String> propertyNames(Dataset dataset) {
		return dataset.fieldNames().stream().filter((n) -> !n.equals("lon") && !n.equals("lat")).toList();
	}

	@ParameterizedTest
	@MethodSource("listed")
	void everyListAnswerHasExactlyTheCatalogsFields(Dataset dataset) {
		List<JsonNode> items = api().items(dataset.apiPath() + "?limit=5");
		assertThat(items).as(dataset.id() + " has demo records").isNotEmpty();
		for (JsonNode item : items) {
			assertThat(names(item)).as(dataset.id() + " JSON").containsExactlyElementsOf(dataset.fieldNames());
		}
		List<List<String>> csv = Csv.parse(text(dataset.apiPath() + "?limit=5&format=csv"));
		assertThat(csv.get(0)).as(dataset.id() + " CSV header").containsExactlyElementsOf(dataset.fieldNames());
		assertThat(csv).hasSize(items.size() + 1);
		if (dataset.hasGeometry()) {
			JsonNode features = this.json.readTree(text(dataset.apiPath() + "?limit=5&format=geojson")).get("features");
			features.forEach((f) -> assertThat(names(f.get("properties"))).as(dataset.id() + " GeoJSON")
				.containsExactlyElementsOf(dataset.fieldNames()));
		}
	}

	@ParameterizedTest
	@MethodSource("listed")
	void aRecordByIdIsTheListedRecord(Dataset dataset) {
		JsonNode listed = api().items(dataset.apiPath() + "?limit=1").get(0);
		String id = listed.get("id").asString();
		JsonNode answer = api().get(dataset.apiPath() + "/" + id);
		assertThat(answer.get("item")).as(dataset.id() + " " + id).isEqualTo(listed);
		assertThat(answer.at("/licence/id").asString()).isEqualTo("CC-BY-4.0");
		List<List<String>> csv = Csv.parse(text(dataset.apiPath() + "/" + id + "?format=csv"));
		assertThat(csv.get(0)).containsExactlyElementsOf(dataset.fieldNames());
		assertThat(csv.get(1).get(0)).isEqualTo(id);
	}

	@Test
	void everyOgcCollectionCarriesTheCatalogsFieldsAsProperties() {
		for (Dataset dataset : Catalog.all()) {
			for (String collection : org.kotaku.portal.ogc.OgcCollections.of(dataset)) {
				JsonNode features = this.json.readTree(text("/ogc/collections/" + collection + "/items?limit=5"))
					.get("features");
				assertThat(features.isEmpty()).as(collection + " has features").isFalse();
				// the id is the feature's own id, not a property
				List<String> expected = propertyNames(dataset).stream().skip(1).toList();
				features.forEach((f) -> assertThat(names(f.get("properties"))).as("OGC " + collection)
					.containsExactlyElementsOf(expected));
				JsonNode queryables = this.json.readTree(text("/ogc/collections/" + collection + "/queryables"))
					.get("properties");
				assertThat(names(queryables)).as(collection + " queryables")
					.containsExactlyInAnyOrderElementsOf(queryableNames(dataset, queryables));
			}
		}
	}

	/**
	 * The catalog's queryable fields, plus the geometry and time the OGC API adds where
	 * it declares them.
	 */
	private static List<String> queryableNames(Dataset dataset, JsonNode queryables) {
		List<String> names = new ArrayList<>(dataset.queryables().stream().map(Field::name).toList());
		Stream.of("geometry", "datetime").filter(queryables::has).forEach(names::add);
		return names;
	}

	@Test
	void filtersAreTheQueryableFieldsWithTheirVocabularies() {
		JsonNode first = api().items("/api/v1/allocations?limit=1").get(0);
		String program = first.get("program").asString();
		api().items("/api/v1/allocations?limit=100&program=" + program)
			.forEach((a) -> assertThat(a.get("program").asString()).isEqualTo(program));
		int year = first.get("fiscalYear").asInt();
		api()
			.items("/api/v1/allocations?limit=100&fiscalYear=" + year + "&region="
					+ first.get("regencyCode").asString())
			.forEach((a) -> {
				assertThat(a.get("fiscalYear").asInt()).isEqualTo(year);
				assertThat(a.get("regencyCode").asString()).isEqualTo(first.get("regencyCode").asString());
			});
		problem("/api/v1/allocations?program=bridge", 400, "program");
		problem("/api/v1/access-indicators?year=soon", 400, "year");
		problem("/api/v1/disbursements?region=64.71", 400, "region");
		problem("/api/v1/decrees?format=geojson", 400, "format");
		problem("/api/v1/decrees?region=99.99", 404, null);
		problem("/api/v1/assessments/NO-SUCH-ASSESSMENT", 404, null);
		problem("/api/v1/disbursements/NO-SUCH/1", 404, null);
		problem("/api/v1/disbursements/NO-SUCH/first", 404, null);
		problem("/api/v1/access-indicators/64.71.02.1006/last-year", 404, null);
	}

	@Test
	void anAllocationShowsItsTranchesAndATrancheHasItsOwnPath() {
		JsonNode allocation = api().items("/api/v1/allocations?limit=1&sort=-disbursedIdr").get(0);
		String id = allocation.get("id").asString();
		JsonNode answer = api().get("/api/v1/allocations/" + id);
		List<JsonNode> tranches = api().items("/api/v1/disbursements?limit=100&allocationId=" + id);
		assertThat(tranches).hasSize(allocation.get("trancheCount").asInt());
		assertThat(List.copyOf(answer.get("tranches").valueStream().toList())).isEqualTo(tranches);
		long disbursed = tranches.stream()
			.filter((t) -> t.get("status").asString().equals("disbursed"))
			.mapToLong((t) -> t.get("amountIdr").asLong())
			.sum();
		assertThat(allocation.get("disbursedIdr").asLong()).isEqualTo(disbursed);
		JsonNode tranche = tranches.get(0);
		assertThat(api().get("/api/v1/disbursements/" + tranche.get("id").asString()).get("item")).isEqualTo(tranche);
	}

	@Test
	void aSlumAreaShowsItsDecreeAndItsAssessmentsNewestFirst() {
		JsonNode area = api().items("/api/v1/slum-areas?limit=1").get(0);
		JsonNode answer = api().get("/api/v1/slum-areas/" + area.get("id").asString());
		assertThat(answer.at("/decree/id").asString()).isEqualTo(area.get("decreeId").asString());
		assertThat(answer.get("decree"))
			.isEqualTo(api().get("/api/v1/decrees/" + area.get("decreeId").asString()).get("item"));
		List<JsonNode> assessments = answer.get("assessments").valueStream().toList();
		assertThat(assessments).isNotEmpty();
		assertThat(assessments.get(0).get("year").asInt()).isEqualTo(area.get("latestYear").asInt());
		assertThat(assessments.get(0).get("kind").asString()).isEqualTo(area.get("latestKind").asString());
		for (int i = 1; i < assessments.size(); i++) {
			assertThat(assessments.get(i).get("year").asInt())
				.isLessThanOrEqualTo(assessments.get(i - 1).get("year").asInt());
		}
		JsonNode assessment = api().get("/api/v1/assessments/" + assessments.get(0).get("id").asString());
		List<JsonNode> scores = assessment.get("scores").valueStream().toList();
		assertThat(scores).isNotEmpty()
			.allSatisfy((s) -> assertThat(s.get("assessmentId").asString())
				.isEqualTo(assessments.get(0).get("id").asString()));
		assertThat(scores.stream().mapToInt((s) -> s.get("score").asInt()).sum())
			.isEqualTo(assessment.at("/item/totalScore").asInt());
	}

	@Test
	void anAccessIndicatorIsFoundByVillageAndYear() {
		JsonNode indicator = api().items("/api/v1/access-indicators?limit=1&sort=-year").get(0);
		String path = "/api/v1/access-indicators/" + indicator.get("villageCode").asString() + "/"
				+ indicator.get("year").asInt();
		assertThat(api().get(path).get("item")).isEqualTo(indicator);
		// the id's slash travels encoded (%2F) in the OGC item path: a URI variable is
		// encoded whole
		JsonNode feature = this.json.readTree(this.client.get()
			.uri("/ogc/collections/access-indicators/items/{id}", indicator.get("id").asString())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(feature.get("id").asString()).isEqualTo(indicator.get("id").asString());
		assertThat(feature.at("/geometry/type").asString()).isEqualTo("Point");
		// the OGC test suite (and many a client) appends the id unencoded: the slash is
		// part of the path then
		JsonNode unencoded = this.json
			.readTree(text("/ogc/collections/access-indicators/items/" + indicator.get("id").asString()));
		assertThat(unencoded.get("id").asString()).isEqualTo(indicator.get("id").asString());
	}

	@Test
	void aBboxSelectsNoFeatureOfACollectionWithoutGeometries() {
		for (String collection : List.of("decrees", "assessments", "assessment-scores", "disbursements")) {
			JsonNode page = this.json
				.readTree(text("/ogc/collections/" + collection + "/items?bbox=-180,-90,180,90&limit=10"));
			assertThat(page.get("numberReturned").asInt()).as(collection).isZero();
			assertThat(this.json.readTree(text("/ogc/collections/" + collection + "/items?limit=10"))
				.get("numberReturned")
				.asInt()).as(collection + " without bbox").isPositive();
		}
	}

	private void problem(String uri, int status, String parameter) {
		JsonNode body = this.json.readTree(this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(body.get("detail").asString()).as(uri).isNotBlank();
		if (parameter != null) {
			assertThat(body.get("parameter").asString()).as(uri).isEqualTo(parameter);
		}
	}

}
