package org.kotaku.portal.licence;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default licence (CC BY 4.0) is in every JSON envelope, OGC answer, TileJSON, the
 * Atom feed and the site's configuration, and every public answer (routed or replayed
 * from the cache, JSON, CSV, tiles, site files, documents) carries its
 * {@code Link: rel="license"} header after its own links; internal and operations answers
 * do not.
 */
@IntegrationTest
@WithTinyDemo(readModel = true)
class LicenceIntegrationTests {

	static final String URL = "https://creativecommons.org/licenses/by/4.0/";

	static final String LINK = "<" + URL + ">; rel=\"license\"";

	@Autowired
	WebTestClient client;

	@Autowired
	JsonMapper json;

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/summary", "/api/v1/summary?region=64", "/api/v1/progress?level=1",
			"/api/v1/spending?groupBy=source", "/api/v1/regions?q=kota", "/api/v1/regions/64",
			"/api/v1/activities?limit=2", "/api/v1/activities?limit=2&format=geojson", "/api/v1/slum-areas?limit=2",
			"/api/v1/changes", "/api/v1/changes?since=0&limit=5", "/ogc", "/ogc/collections",
			"/ogc/collections/activities", "/ogc/collections/activities/items?limit=2", "/tiles/activities.json",
			"/site/config.json" })
	void jsonAnswersCarryTheLicenceMember(String uri) {
		assertDefaultLicence(get(uri).get("licence"), uri);
	}

	@Test
	void singleRowsAndFeaturesCarryTheLicenceMember() {
		String id = get("/api/v1/activities?limit=1").at("/items/0/id").asString();
		assertDefaultLicence(get("/api/v1/activities/" + id).get("licence"), "activity item");
		assertDefaultLicence(get("/api/v1/activities/" + id + "?format=geojson").get("licence"), "activity feature");
		String featureId = get("/ogc/collections/activities/items?limit=1").at("/features/0/id").asString();
		JsonNode feature = get("/ogc/collections/activities/items/" + featureId);
		assertDefaultLicence(feature.get("licence"), "OGC feature");
		assertThat(licenceLinks(feature)).hasSize(1);
	}

	@Test
	void everyOgcCollectionLinksToTheLicence() {
		JsonNode collections = get("/ogc/collections");
		assertThat(licenceLinks(collections)).hasSize(1);
		assertThat(licenceLinks(get("/ogc"))).hasSize(1);
		assertThat(collections.get("collections")).hasSizeGreaterThanOrEqualTo(5);
		for (JsonNode collection : collections.get("collections")) {
			assertDefaultLicence(collection.get("licence"), collection.get("id").asString());
			assertThat(licenceLinks(collection)).as(collection.get("id").asString())
				.singleElement()
				.satisfies((link) -> assertThat(link.get("title").asString())
					.isEqualTo("Creative Commons Attribution 4.0 International"));
		}
		assertThat(licenceLinks(get("/ogc/collections/activities/items?limit=1"))).hasSize(1);
		assertThat(get("/ogc/api").at("/info/license/url").asString()).isEqualTo(URL);
	}

	@Test
	void tileJsonAttributionNamesTheLicence() {
		String attribution = get("/tiles/regions.json").get("attribution").asString();
		assertThat(attribution).startsWith("Data: KOTAKU open data portal, Kementerian PUPR (synthetic demo data)")
			.contains("<a href=\"" + URL + "\">CC-BY-4.0</a>")
			.contains("data version");
	}

	@Test
	void theAtomFeedStatesTheLicence() {
		String feed = this.client.get()
			.uri("/api/v1/changes.atom")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.LINK, LINK)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(feed).contains("<link rel=\"license\" href=\"" + URL + "\"/>")
			.contains("<rights>Data: KOTAKU open data portal");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/summary?year=2021", "/api/v1/progress?level=1&format=csv", "/ogc",
			"/ogc/collections/regencies/items?limit=1", "/tiles/regions.json", "/openapi/portal.yaml", "/v3/api-docs",
			"/docs/data-dictionary.md", "/site/config.json", "/", "/wilayah/64.71", "/assets/fixture-abc123.js" })
	void publicAnswersCarryTheLicenceLink(String uri) {
		EntityExchangeResult<byte[]> first = exchange(uri);
		EntityExchangeResult<byte[]> second = exchange(uri);
		for (EntityExchangeResult<byte[]> answer : List.of(first, second)) {
			assertThat(answer.getResponseHeaders().get(HttpHeaders.LINK)).as(uri).containsExactly(LINK);
		}
	}

	@Test
	void aListingPageKeepsItsOwnLinksAndAddsTheLicenceLast() {
		this.client.get()
			.uri("/api/v1/activities?limit=1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.LINK,
					(link) -> assertThat(link)
						.matches("<[^>]+>; rel=\"next\", </docs/data-dictionary.md>; rel=\"describedby\", "
								+ java.util.regex.Pattern.quote(LINK)));
		assertThat(exchange("/api/v1/activities?limit=1").getResponseHeaders().get(HttpHeaders.LINK)).hasSize(1);
	}

	@Test
	void aCsvExportCarriesTheLicenceLink() {
		this.client.get()
			.uri("/api/v1/activities?format=csv&limit=all")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.LINK, "</docs/data-dictionary.md>; rel=\"describedby\", " + LINK)
			.expectHeader()
			.valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment.*");
	}

	@Test
	void aTileCarriesTheLicenceLinkRoutedAndReplayed() {
		long version = get("/api/v1/summary").get("dataVersion").asLong();
		for (String uri : List.of("/tiles/activities/0/0/0.mvt", "/tiles/v" + version + "/activities/0/0/0.mvt")) {
			for (int i = 0; i < 2; i++) {
				EntityExchangeResult<byte[]> tile = exchange(uri);
				assertThat(tile.getResponseHeaders().get(HttpHeaders.LINK)).as(uri).containsExactly(LINK);
			}
		}
	}

	@Test
	void answersEndedEarlyCarryTheLicenceLinkToo() {
		String etag = exchange("/api/v1/summary").getResponseHeaders().getETag();
		this.client.get()
			.uri("/api/v1/summary")
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectHeader()
			.valueEquals(HttpHeaders.LINK, LINK);
		String listing = "/api/v1/slum-areas?limit=1&count=exact";
		String listingTag = exchange(listing).getResponseHeaders().getETag();
		this.client.get()
			.uri(listing)
			.header(HttpHeaders.IF_NONE_MATCH, listingTag)
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectHeader()
			.valueEquals(HttpHeaders.LINK, LINK);
	}

	@Test
	void internalAndOperationsAnswersHaveNoLicenceLink() {
		this.client.get()
			.uri("/internal/v1/batches/1")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.doesNotExist(HttpHeaders.LINK);
		this.client.post()
			.uri("/internal/v1/ingest/activities")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.doesNotExist(HttpHeaders.LINK);
		this.client.get().uri("/actuator/health").exchange().expectHeader().doesNotExist(HttpHeaders.LINK);
	}

	private JsonNode get(String uri) {
		byte[] body = exchange(uri).getResponseBody();
		return this.json.readTree(body);
	}

	private EntityExchangeResult<byte[]> exchange(String uri) {
		return this.client.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult();
	}

	private static List<JsonNode> licenceLinks(JsonNode document) {
		return document.get("links")
			.valueStream()
			.filter((link) -> link.get("rel").asString().equals("license"))
			.peek((link) -> assertThat(link.get("href").asString()).isEqualTo(URL))
			.toList();
	}

	static void assertDefaultLicence(JsonNode licence, String where) {
		assertThat(licence).as(where + " has a licence member").isNotNull();
		assertThat(licence.get("id").asString()).as(where).isEqualTo("CC-BY-4.0");
		assertThat(licence.get("title").asString()).as(where)
			.isEqualTo("Creative Commons Attribution 4.0 International");
		assertThat(licence.get("url").asString()).as(where).isEqualTo(URL);
		assertThat(licence.get("attribution").asString()).as(where)
			.isEqualTo("Data: KOTAKU open data portal, Kementerian PUPR (synthetic demo data)");
	}

}
