package org.kotaku.portal.ogc;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OGC API - Features on the tiny demo data: every resource, its filters and its errors.
 */
@IntegrationTest
@WithTinyDemo
class OgcFeaturesIntegrationTests {

	private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	@Autowired
	WebTestClient client;

	@Test
	void landingPageLinksTheApiDefinitionConformanceAndData() {
		this.client.get()
			.uri("/ogc")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.links[?(@.rel == 'self')].href")
			.exists()
			.jsonPath("$.links[?(@.rel == 'service-desc')].type")
			.isEqualTo(Link.OPENAPI_JSON)
			.jsonPath("$.links[?(@.rel == 'service-doc')].href")
			.exists()
			.jsonPath("$.links[?(@.rel == 'conformance')].href")
			.exists()
			.jsonPath("$.links[?(@.rel == 'data')].href")
			.value((List<String> href) -> assertThat(href.get(0)).startsWith("http://").endsWith("/ogc/collections"));
	}

	@Test
	void landingPageAnswersWithATrailingSlashToo() {
		String plain = this.client.get()
			.uri("/ogc")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		this.client.get()
			.uri("/ogc/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody(String.class)
			.isEqualTo(plain);
	}

	@Test
	void conformanceDeclaresCoreGeoJsonAndOpenApi() {
		this.client.get()
			.uri("/ogc/conformance")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.conformsTo")
			.value((List<String> classes) -> assertThat(classes).contains(
					"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
					"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
					"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30"));
	}

	@Test
	void apiDefinitionIsSelfContainedOpenApi30() {
		String body = this.client.get()
			.uri("/ogc/api")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("application/vnd.oai.openapi+json"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\"openapi\":\"3.0.3\"")
			.contains("\"/collections/activities/items\"")
			.contains("\"fiscalYear\"");
		assertThat(java.util.Arrays.stream(body.split("\"\\$ref\":\"")).skip(1)).isNotEmpty()
			.allSatisfy((ref) -> assertThat(ref).startsWith("#/"));
	}

	@Test
	void collectionsListEveryCollectionWithExtents() {
		this.client.get()
			.uri("/ogc/collections")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.collections[*].id")
			.value((List<String> ids) -> assertThat(ids).containsExactly("provinces", "regencies", "villages",
					"slum-areas", "activities", "allocations", "access-indicators", "decrees", "assessments",
					"assessment-scores", "disbursements"))
			.jsonPath("$.collections[4].extent.spatial.bbox[0][0]")
			.value((Number west) -> assertThat(west.doubleValue()).isBetween(95.0, 141.0))
			.jsonPath("$.collections[4].extent.temporal.interval[0][0]")
			.value((String start) -> assertThat(start).matches("20\\d\\d-\\d\\d-\\d\\dT00:00:00Z"))
			.jsonPath("$.links[0].rel")
			.isEqualTo("self");
	}

	@Test
	void collectionDescribesItselfWithItemsLink() {
		this.client.get()
			.uri("/ogc/collections/activities")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo("activities")
			.jsonPath("$.itemType")
			.isEqualTo("feature")
			.jsonPath("$.links[?(@.rel == 'items')].type")
			.isEqualTo("application/geo+json");
	}

	@Test
	void queryablesAreAJsonSchema() {
		this.client.get()
			.uri("/ogc/collections/activities/queryables")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("application/schema+json"))
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("object")
			.jsonPath("$.properties.fiscalYear.type")
			.isEqualTo("integer")
			.jsonPath("$.properties.type.enum")
			.value((List<String> types) -> assertThat(types).contains("drainage"));
	}

	@Test
	void itemsAreGeoJsonWithCountsTimeStampAndDefaultLimit() {
		Map<String, Object> page = items("/ogc/collections/activities/items");
		assertThat(page.get("type")).isEqualTo("FeatureCollection");
		assertThat(features(page)).hasSize(10);
		assertThat(page.get("numberReturned")).isEqualTo(10);
		assertThat(((Number) page.get("numberMatched")).longValue()).isGreaterThan(10);
		assertThat((String) page.get("timeStamp")).matches("\\d{4}-.*Z");
		Map<String, Object> first = features(page).get(0);
		assertThat(first.get("type")).isEqualTo("Feature");
		assertThat(((Map<?, ?>) first.get("geometry")).get("type")).isEqualTo("Point");
		assertThat(((Map<?, ?>) first.get("properties")).get("fiscalYear")).isInstanceOf(Number.class);
	}

	@Test
	void propertyFiltersSelectExactly() {
		Map<String, Object> page = items("/ogc/collections/activities/items?fiscalYear=2021&type=drainage&limit=1000");
		assertThat(features(page)).isNotEmpty().allSatisfy((f) -> {
			Map<?, ?> p = (Map<?, ?>) f.get("properties");
			assertThat(p.get("fiscalYear")).isEqualTo(2021);
			assertThat(p.get("type")).isEqualTo("drainage");
		});
		assertThat(page.get("numberMatched")).isEqualTo(features(page).size());
	}

	@Test
	void bboxSelectsFeaturesInsideTheBox() {
		// Kota Balikpapan (64.71), around 116.8 E, 1.2 S
		Map<String, Object> page = items("/ogc/collections/activities/items?bbox=116,-2,118,0&limit=10000");
		assertThat(features(page)).isNotEmpty()
			.allSatisfy((f) -> assertThat((String) ((Map<?, ?>) f.get("properties")).get("villageCode"))
				.startsWith("64.71"));
	}

	@Test
	void antimeridianBboxCoversBothSides() {
		Map<String, Object> crossing = items("/ogc/collections/activities/items?bbox=116,-2,-170,0&limit=10000");
		Map<String, Object> east = items("/ogc/collections/activities/items?bbox=116,-2,180,0&limit=10000");
		assertThat(crossing.get("numberMatched")).isEqualTo(east.get("numberMatched"));
		assertThat(features(crossing)).isNotEmpty();
		Map<String, Object> none = items("/ogc/collections/activities/items?bbox=170,-2,-170,0");
		assertThat(none.get("numberMatched")).isEqualTo(0);
		assertThat(features(none)).isEmpty();
	}

	@Test
	void datetimeSelectsByPeriod() {
		Map<String, Object> page = items(
				"/ogc/collections/activities/items?datetime=2019-01-01/2019-12-31&limit=10000");
		assertThat(features(page)).isNotEmpty();
		Map<String, Object> open = items("/ogc/collections/activities/items?datetime=../2100-01-01T00:00:00Z");
		Map<String, Object> all = items("/ogc/collections/activities/items");
		assertThat(open.get("numberMatched")).isEqualTo(all.get("numberMatched"));
		assertThat(((Number) page.get("numberMatched")).longValue())
			.isLessThan(((Number) all.get("numberMatched")).longValue());
	}

	@Test
	@SuppressWarnings("unchecked")
	void datetimeIsAcceptedOnEveryCollectionAndMatchesAllOfOneWithoutTime() {
		List<Map<String, Object>> collections = collections();
		assertThat(collections).extracting((c) -> c.get("id")).contains("provinces", "activities");
		for (Map<String, Object> collection : collections) {
			String items = "/ogc/collections/" + collection.get("id") + "/items";
			Map<String, Object> filtered = items(items + "?datetime=2019-01-01/2019-12-31");
			Map<String, Object> extent = (Map<String, Object>) collection.get("extent");
			if (!extent.containsKey("temporal")) {
				assertThat(filtered.get("numberMatched")).as(items).isEqualTo(items(items).get("numberMatched"));
				assertThat(features(filtered)).as(items).isEqualTo(features(items(items)));
			}
			badRequest(items + "?datetime=yesterday", "datetime");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void apiDefinitionIsRelativeToTheLandingPageAndDeclaresDatetimeOnEveryItemsOperation() {
		Map<String, Object> api = this.client.get()
			.uri("/ogc/api")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		// the server is the landing page, the paths are relative to it (how GDAL and the
		// OGC test suite read them)
		assertThat((List<Map<String, Object>>) api.get("servers")).extracting((s) -> (String) s.get("url"))
			.singleElement()
			.satisfies((url) -> assertThat(url).startsWith("http://").endsWith("/ogc"));
		Map<String, Object> paths = (Map<String, Object>) api.get("paths");
		assertThat(paths).containsKeys("/", "/conformance", "/api", "/collections");
		List<String> itemsPaths = collections().stream().map((c) -> "/collections/" + c.get("id") + "/items").toList();
		assertThat(paths.keySet()).containsAll(itemsPaths);
		for (String path : itemsPaths) {
			Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) paths.get(path)).get("get");
			assertThat((List<Object>) get.get("parameters")).as(path)
				.contains(Map.of("$ref", "#/components/parameters/datetime"));
		}
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> collections() {
		Map<String, Object> body = this.client.get()
			.uri("/ogc/collections")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		return (List<Map<String, Object>>) body.get("collections");
	}

	@Test
	void nextAndPrevLinksKeepEveryFilter() {
		Map<String, Object> first = items("/ogc/collections/activities/items?type=road&bbox=95,-11,141,6&limit=3");
		String next = link(first, "next");
		assertThat(next).contains("type=road").contains("bbox=95,-11,141,6").contains("limit=3").contains("after=");
		assertThat(link(first, "prev")).isNull();
		Map<String, Object> second = items(next);
		String prev = link(second, "prev");
		assertThat(prev).contains("type=road").contains("before=");
		assertThat(features(items(prev))).isEqualTo(features(first));
		assertThat(second.get("timeStamp")).isNotNull();
	}

	@Test
	void regionsAreFeaturesAndVillagesFallBackToLabelPoints() {
		Map<String, Object> provinces = items("/ogc/collections/provinces/items?limit=100");
		assertThat(features(provinces)).extracting((f) -> f.get("id")).contains("64", "73");
		Map<String, Object> villages = items("/ogc/collections/villages/items?regencyCode=64.71&limit=100");
		assertThat(features(villages)).isNotEmpty()
			.allSatisfy((f) -> assertThat(((Map<?, ?>) f.get("geometry")).get("type")).isIn("Point", "MultiPolygon"));
		Map<String, Object> slums = items("/ogc/collections/slum-areas/items?limit=5");
		assertThat(features(slums)).isNotEmpty();
	}

	@Test
	void itemIsOneFeatureWithLinks() {
		Map<String, Object> page = items("/ogc/collections/regencies/items?limit=1");
		String id = (String) features(page).get(0).get("id");
		this.client.get()
			.uri("/ogc/collections/regencies/items/" + id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(GEO_JSON)
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(id)
			.jsonPath("$.type")
			.isEqualTo("Feature")
			.jsonPath("$.links[?(@.rel == 'self')].href")
			.exists()
			.jsonPath("$.links[?(@.rel == 'collection')].href")
			.exists();
	}

	@Test
	void unknownCollectionAndFeatureAreNotFound() {
		notFound("/ogc/collections/nothing");
		notFound("/ogc/collections/nothing/items");
		notFound("/ogc/collections/activities/items/ACT-NO-SUCH");
	}

	@Test
	void badAndUnknownParametersAreBadRequests() {
		badRequest("/ogc/collections/activities/items?colour=red", "colour");
		badRequest("/ogc/collections/activities/items?bbox=1,2,3", "bbox");
		badRequest("/ogc/collections/activities/items?bbox=a,b,c,d", "bbox");
		badRequest("/ogc/collections/activities/items?bbox=100,5,110,-5", "bbox");
		badRequest("/ogc/collections/activities/items?limit=0", "limit");
		badRequest("/ogc/collections/activities/items?limit=ten", "limit");
		badRequest("/ogc/collections/activities/items?datetime=yesterday", "datetime");
		badRequest("/ogc/collections/activities/items?datetime=2021-01-01/2020-01-01", "datetime");
		badRequest("/ogc/collections/activities/items?fiscalYear=twenty", "fiscalYear");
		badRequest("/ogc/collections/activities/items?type=castle", "type");
		badRequest("/ogc/collections/activities/items?after=a&before=b", "before");
		badRequest("/ogc/collections/activities/items?f=xml", "f");
		badRequest("/ogc/collections?foo=1", "foo");
		badRequest("/ogc/collections/activities/items/x?limit=3", "limit");
	}

	@Test
	void limitAboveTheMaximumIsServedAsTheMaximum() {
		Map<String, Object> page = items("/ogc/collections/activities/items?limit=50000");
		assertThat(((Number) page.get("numberReturned")).intValue()).isLessThanOrEqualTo(10_000).isPositive();
	}

	private void notFound(String uri) {
		this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404);
	}

	private void badRequest(String uri, String parameter) {
		this.client.get()
			.uri(uri)
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
			.jsonPath("$.code")
			.isEqualTo("InvalidParameterValue")
			.jsonPath("$.detail")
			.isNotEmpty();
	}

	private Map<String, Object> items(String uri) {
		return this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(GEO_JSON)
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> features(Map<String, Object> page) {
		return (List<Map<String, Object>>) page.get("features");
	}

	@SuppressWarnings("unchecked")
	static String link(Map<String, Object> page, String rel) {
		return ((List<Map<String, Object>>) page.get("links")).stream()
			.filter((l) -> rel.equals(l.get("rel")))
			.map((l) -> (String) l.get("href"))
			.findFirst()
			.orElse(null);
	}

}
