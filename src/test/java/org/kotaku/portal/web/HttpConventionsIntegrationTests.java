package org.kotaku.portal.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import org.kotaku.portal.ingest.IngestService;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.TestActivities;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP conventions of every public answer, end to end: ETag from the data version
 * with 304 on a match and a new ETag after an ingestion, Cache-Control, gzip, CORS open
 * for public GETs only, security headers, and the served contract with Swagger UI.
 */
@IntegrationTest
@WithTinyDemo
class HttpConventionsIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	IngestService ingest;

	@Value("${local.server.port}")
	int port;

	String etag(String uri) {
		return this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches(HttpHeaders.ETAG, "W/\"v\\d+-[0-9a-f]+\"")
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=60")
			.expectHeader()
			.exists("X-Data-Version")
			.returnResult(String.class)
			.getResponseHeaders()
			.getETag();
	}

	@Test
	void etagAnswersNotModifiedUntilNewDataAreCommitted() {
		String uri = "/api/v1/activities?region=32.73&limit=5";
		String etag = etag(uri);
		this.client.get()
			.uri(uri)
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, etag)
			.expectBody()
			.isEmpty();
		assertThat(etag(uri + "&format=csv")).isNotEqualTo(etag);
		String village = this.client.get()
			.uri(uri)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()
			.replaceAll("(?s).*?\"villageCode\":\"([0-9.]+)\".*", "$1");
		TestActivities.ingest(this.ingest,
				List.of(TestActivities.row("ETAG-1", village, "Etag test", 1000, 107.6, -6.9)));
		this.client.get().uri(uri).header(HttpHeaders.IF_NONE_MATCH, etag).exchange().expectStatus().isOk();
		assertThat(etag(uri)).isNotEqualTo(etag);
	}

	@Test
	void headAnswersTheHeadersOfGetWithoutABody() {
		String etag = etag("/api/v1/activities?limit=3");
		this.client.head()
			.uri("/api/v1/activities?limit=3")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, etag)
			.expectBody()
			.isEmpty();
	}

	@Test
	void errorsAreNeverCached() {
		this.client.get()
			.uri("/api/v1/activities?limit=0")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectHeader()
			.doesNotExist(HttpHeaders.ETAG);
	}

	/**
	 * Asked with a plain HTTP client: the test client may decompress and drop the header
	 * on its own.
	 */
	@Test
	void largeAnswersAreGzipped() throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/activities?limit=200"))
			.header(HttpHeaders.ACCEPT_ENCODING, "gzip")
			.build();
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).hasValue("gzip");
		try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
			assertThat(new String(gzip.readAllBytes(), StandardCharsets.UTF_8)).startsWith("{\"dataset\"");
		}
	}

	@Test
	void corsIsOpenForPublicGetsButNeverForInternal() {
		this.client.get()
			.uri("/api/v1/activities?limit=1")
			.header(HttpHeaders.ORIGIN, "https://example.org")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, (v) -> assertThat(v).contains("ETag", "Link"));
		this.client.options()
			.uri("/api/v1/activities")
			.header(HttpHeaders.ORIGIN, "https://example.org")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
					(v) -> assertThat(v).contains("GET").doesNotContain("POST"));
		this.client.method(HttpMethod.OPTIONS)
			.uri("/internal/v1/ingest/activities")
			.header(HttpHeaders.ORIGIN, "https://example.org")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		this.client.post()
			.uri("/internal/v1/ingest/activities")
			.header(HttpHeaders.ORIGIN, "https://example.org")
			.exchange()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

	@Test
	void writesToReadOnlyRoutesAreMethodNotAllowed() {
		for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH)) {
			for (String uri : List.of("/api/v1/summary", "/api/v1/activities?limit=1", "/tiles/regions/5/25/16.mvt",
					"/ogc/collections/activities/items")) {
				this.client.method(method)
					.uri(uri)
					.exchange()
					.expectStatus()
					.isEqualTo(405)
					.expectHeader()
					.contentType("application/problem+json")
					.expectHeader()
					.valueEquals(HttpHeaders.ALLOW, "GET,HEAD")
					.expectHeader()
					.valueEquals("X-Content-Type-Options", "nosniff")
					.expectBody()
					.jsonPath("$.type")
					.isEqualTo("/problems/method-not-allowed")
					.jsonPath("$.status")
					.isEqualTo(405)
					.jsonPath("$.detail")
					.value((detail) -> assertThat((String) detail).contains(method.name(), "GET"));
			}
		}
		this.client.post().uri("/api/v1/no-such-thing").exchange().expectStatus().isNotFound();
		this.client.post().uri("/internal/v1/ingest/activities").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void securityHeadersForbidFramingExceptForEmbeds() {
		this.client.get()
			.uri("/api/v1/activities?limit=1")
			.exchange()
			.expectHeader()
			.value("Content-Security-Policy",
					(csp) -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'")
						.doesNotContain("unsafe-inline"))
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY");
		this.client.get()
			.uri("/embed/anything")
			.exchange()
			.expectHeader()
			.value("Content-Security-Policy", (csp) -> assertThat(csp).contains("frame-ancestors *"))
			.expectHeader()
			.doesNotExist("X-Frame-Options");
	}

	@Test
	void theWrittenContractIsServedAndSwaggerUiReadsIt() {
		this.client.get()
			.uri("/openapi/portal.yaml")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/yaml")
			.expectBody(String.class)
			.value((yaml) -> assertThat(yaml).startsWith("openapi: 3.1.0"));
		this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.openapi")
			.isEqualTo("3.1.0")
			.jsonPath("$.paths['/api/v1/activities']")
			.exists();
		this.client.get()
			.uri("/swagger-ui.html")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location("/swagger-ui/index.html");
		this.client.get()
			.uri("/swagger-ui/index.html")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("swagger-initializer.js"));
		this.client.get()
			.uri("/swagger-ui/swagger-initializer.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((js) -> assertThat(js).contains("url: \"/openapi/portal.yaml\""));
		this.client.get().uri("/swagger-ui/swagger-ui-bundle.js").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/docs/data-dictionary.md")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((md) -> assertThat(md).contains("# Data dictionary", "`budgetIdr`"));
	}

}
