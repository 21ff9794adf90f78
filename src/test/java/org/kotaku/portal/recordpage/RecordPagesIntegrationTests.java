package org.kotaku.portal.recordpage;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.ingest.IngestService;
import org.kotaku.portal.readmodel.ReadModel;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.JsonApi;
import org.kotaku.portal.support.ReadModels;
import org.kotaku.portal.support.TestActivities;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page of one record ({@code /kegiatan/{id}}, {@code /kawasan/{id}},
 * {@code /wilayah/{code}}) as a reader without JavaScript, a crawler or a link preview
 * gets it, on PostGIS with the demo data: the record's figures in the HTML (the API's
 * values), schema.org JSON-LD that parses, canonical and Open Graph tags, downloads; 404
 * and 400 pages for people and problems for JSON clients; ETag and 304 per data version;
 * every value escaped.
 */
@IntegrationTest
@WithTinyDemo(readModel = true)
class RecordPagesIntegrationTests {

	static final Pattern JSON_LD = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>",
			Pattern.DOTALL);

	static final int MAX_PAGE_BYTES = 50 * 1024;

	@Autowired
	WebTestClient client;

	@Autowired
	JsonMapper json;

	@Autowired
	IngestService ingest;

	@Autowired
	ReadModel readModel;

	@LocalServerPort
	int port;

	@Test
	void anActivityPageHasItsFiguresWithoutJavaScript() {
		JsonNode activity = activity();
		String html = page("/kegiatan/" + activity.get("id").asString());
		String noscript = html.substring(html.indexOf("<noscript>"), html.indexOf("</noscript>"));
		assertThat(noscript).contains("<h1>" + HtmlUtils.htmlEscape(activity.get("name").asString()) + "</h1>")
			.contains(figure("budgetIdr", activity.get("budgetIdr").asString(),
					rupiah(activity.get("budgetIdr").asLong())))
			.contains(figure("disbursedIdr", activity.get("disbursedIdr").asString(),
					rupiah(activity.get("disbursedIdr").asLong())))
			.containsPattern("data-field=\"physicalProgress\" data-value=\"[0-9.]+\">[0-9,]+%</dd>")
			.contains(
					figure("fiscalYear", activity.get("fiscalYear").asString(), activity.get("fiscalYear").asString()))
			.contains("data-field=\"status\" data-value=\"" + activity.get("status").asString() + "\"")
			.contains("data-field=\"type\" data-value=\"" + activity.get("type").asString() + "\"")
			.contains("<a href=\"/wilayah/" + activity.get("villageCode").asString() + "\">"
					+ HtmlUtils.htmlEscape(activity.get("villageName").asString()) + "</a>")
			.contains("href=\"/api/v1/activities/" + activity.get("id").asString() + "?format=csv\"")
			.contains("href=\"/peta?v=")
			.contains("data-field=\"dataVersion\" data-value=\"" + ReadModels.latestVersion() + "\"");
		assertThat(html).contains("<title>" + HtmlUtils.htmlEscape(activity.get("name").asString()) + " · Kegiatan")
			.contains("<link rel=\"canonical\" href=\"http://localhost:8080/kegiatan/" + activity.get("id").asString()
					+ "\">")
			.contains("<meta property=\"og:title\" content=\"" + HtmlUtils.htmlEscape(activity.get("name").asString())
					+ "\">")
			.contains("<div id=\"app\"></div>");
		assertThat(html.getBytes(StandardCharsets.UTF_8)).hasSizeLessThan(MAX_PAGE_BYTES);
	}

	@Test
	void anActivityPageDescribesItselfAsSchemaOrgJsonLd() {
		JsonNode activity = activity();
		String id = activity.get("id").asString();
		JsonNode node = jsonLd(page("/kegiatan/" + id));
		assertThat(node.get("@context").asString()).isEqualTo("https://schema.org/");
		assertThat(node.get("@type").asString()).isEqualTo("Dataset");
		assertThat(node.get("identifier").asString()).isEqualTo(id);
		assertThat(node.get("name").asString()).isEqualTo(activity.get("name").asString());
		assertThat(node.get("url").asString()).isEqualTo("http://localhost:8080/kegiatan/" + id);
		assertThat(node.get("isPartOf").get("@id").asString())
			.isEqualTo("http://localhost:8080/api/v1/datasets/activities");
		assertThat(node.get("license").asString()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
		assertThat(node.get("version").asString()).isEqualTo(Long.toString(ReadModels.latestVersion()));
		JsonNode place = node.get("spatialCoverage");
		assertThat(place.get("geo").get("latitude").decimalValue())
			.isEqualByComparingTo(activity.get("lat").decimalValue());
		assertThat(place.get("geo").get("longitude").decimalValue())
			.isEqualByComparingTo(activity.get("lon").decimalValue());
		assertThat(place.get("containedInPlace").get("identifier").asString())
			.isEqualTo(activity.get("villageCode").asString());
		assertThat(node.get("variableMeasured")
			.valueStream()
			.filter((v) -> v.get("propertyID").asString().equals("budgetIdr"))
			.map((v) -> v.get("value").asLong())).containsExactly(activity.get("budgetIdr").asLong());
		assertThat(node.get("distribution").valueStream().map((d) -> d.get("encodingFormat").asString()))
			.containsExactly("application/json", "application/geo+json", "text/csv");
	}

	@Test
	void aSlumAreaPageHasItsLevelDecreeAndAssessmentHistory() {
		JsonNode answer = api().get("/api/v1/slum-areas/KWS-6471-001");
		JsonNode area = answer.get("item");
		String html = page("/kawasan/KWS-6471-001");
		assertThat(html).contains("<h1>" + HtmlUtils.htmlEscape(area.get("name").asString()) + "</h1>")
			.contains("data-field=\"latestLevel\" data-value=\"" + area.get("latestLevel").asString() + "\"")
			.contains("data-field=\"latestTotalScore\" data-value=\"" + area.get("latestTotalScore").asString() + "\"")
			.contains("data-field=\"areaHa\" data-value=\"" + area.get("areaHa").decimalValue())
			.contains(HtmlUtils.htmlEscape(answer.get("decree").get("number").asString()))
			.contains("href=\"/api/v1/slum-areas/KWS-6471-001?explain=true\"");
		for (JsonNode assessment : answer.get("assessments")) {
			assertThat(html).contains("<a href=\"/api/v1/assessments/" + assessment.get("id").asString() + "\">"
					+ assessment.get("year").asString() + "</a>");
		}
		JsonNode node = jsonLd(html);
		assertThat(node.get("identifier").asString()).isEqualTo("KWS-6471-001");
		assertThat(node.get("isPartOf").get("@id").asString()).endsWith("/api/v1/datasets/slum-areas");
		assertThat(node.get("spatialCoverage").get("geo").get("@type").asString()).isEqualTo("GeoCoordinates");
		assertThat(html.getBytes(StandardCharsets.UTF_8)).hasSizeLessThan(MAX_PAGE_BYTES);
	}

	@Test
	void aRegionPageHasItsFiguresAndLinksToItsRecords() {
		ReadModels.awaitLatest(this.readModel);
		JsonNode profile = api().get("/api/v1/regions/64.71");
		String html = page("/wilayah/64.71");
		assertThat(html).contains("<h1>Kota Balikpapan</h1>")
			.contains(figure("disbursed_idr", profile.get("summary").get("money").get("disbursedIdr").asString(),
					rupiah(profile.get("summary").get("money").get("disbursedIdr").asLong())))
			.contains("href=\"/kawasan/KWS-6471-001\"");
		for (JsonNode child : profile.get("children")) {
			assertThat(html).contains("<a href=\"/wilayah/" + child.get("code").asString() + "\">");
		}
		String village = api().items("/api/v1/activities?region=64.71&limit=1").get(0).get("villageCode").asString();
		assertThat(page("/wilayah/" + village)).contains("href=\"/kegiatan/");
		assertThat(jsonLd(html).get("spatialCoverage").get("@type").asString()).isEqualTo("AdministrativeArea");
	}

	@Test
	void anUnknownIdIsAPageForPeopleAndAProblemForJsonClients() {
		for (String path : List.of("/kegiatan/NO-SUCH-ACTIVITY", "/kawasan/NO-SUCH-AREA", "/wilayah/99.99")) {
			String html = this.client.get()
				.uri(path)
				.accept(MediaType.TEXT_HTML)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectHeader()
				.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(html).as(path)
				.contains("<h1>Tidak ditemukan / Not found</h1>", "<meta name=\"robots\" content=\"noindex\">");
			this.client.get()
				.uri(path)
				.header(HttpHeaders.ACCEPT, "*/*")
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.TEXT_HTML);
			this.client.get()
				.uri(path)
				.accept(MediaType.APPLICATION_JSON)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("/problems/not-found");
		}
	}

	@Test
	void aMalformedIdIsABadRequest() {
		for (String path : List.of("/kegiatan/" + "x".repeat(RecordIds.MAX_LENGTH + 1), "/kawasan/a%01b",
				"/wilayah/64.7x")) {
			this.client.get()
				.uri(URI.create("http://localhost:" + this.port + path))
				.accept(MediaType.TEXT_HTML)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectBody(String.class)
				.value((html) -> assertThat(html).contains("Alamat tidak valid / Invalid address"));
			this.client.get()
				.uri(URI.create("http://localhost:" + this.port + path))
				.accept(MediaType.APPLICATION_PROBLEM_JSON)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("/problems/invalid-parameter");
		}
	}

	@Test
	void aPageIsCachedPerDataVersionAndEscapesWhatTheDataSay() {
		String id = activity().get("id").asString();
		EntityExchangeResult<String> first = get("/kegiatan/" + id);
		String etag = first.getResponseHeaders().getETag();
		assertThat(etag).startsWith("W/\"v" + ReadModels.latestVersion() + "-");
		assertThat(first.getResponseHeaders().getFirst("X-Data-Version"))
			.isEqualTo(Long.toString(ReadModels.latestVersion()));
		assertThat(first.getResponseHeaders().getCacheControl()).startsWith("public, max-age=");
		this.client.get()
			.uri("/kegiatan/" + id)
			.accept(MediaType.TEXT_HTML)
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, etag);
		// a new data version, with a name that tries to break out of the HTML and the
		// JSON-LD
		String name = "Jalan <script>alert(1)</script> & \"drainase\" </script><!--";
		TestActivities.ingest(this.ingest, List.of(TestActivities.row("RECORD-PAGE-ESCAPE-1",
				activity().get("villageCode").asString(), name, 1_000_000, 116.85, -1.25)));
		EntityExchangeResult<String> after = this.client.get()
			.uri("/kegiatan/" + id)
			.accept(MediaType.TEXT_HTML)
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		assertThat(after.getResponseHeaders().getETag()).isNotEqualTo(etag);
		String html = page("/kegiatan/RECORD-PAGE-ESCAPE-1");
		assertThat(html).doesNotContain("<script>alert(1)").contains("<h1>" + HtmlUtils.htmlEscape(name) + "</h1>");
		Matcher script = JSON_LD.matcher(html);
		assertThat(script.find()).isTrue();
		assertThat(script.group(1)).doesNotContain("<", ">");
		assertThat(this.json.readTree(script.group(1)).get("name").asString()).isEqualTo(name);
	}

	private JsonApi api() {
		return new JsonApi(this.client, this.json);
	}

	private JsonNode activity() {
		String id = api().items("/api/v1/activities?region=64.71&limit=1").get(0).get("id").asString();
		return api().get("/api/v1/activities/{id}", id).get("item");
	}

	private EntityExchangeResult<String> get(String path) {
		return this.client.get()
			.uri(path)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.OK)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult();
	}

	private String page(String path) {
		return get(path).getResponseBody();
	}

	private JsonNode jsonLd(String html) {
		Matcher script = JSON_LD.matcher(html);
		assertThat(script.find()).as("a JSON-LD script").isTrue();
		assertThat(html.indexOf(script.group())).isLessThan(html.indexOf("</head>"));
		return this.json.readTree(script.group(1));
	}

	private static String figure(String field, String value, String text) {
		return "data-field=\"" + field + "\" data-value=\"" + value + "\">" + text + "</dd>";
	}

	private static String rupiah(long value) {
		return "Rp " + NumberFormat.getIntegerInstance(Locale.forLanguageTag("id-ID")).format(value);
	}

}
