package org.kotaku.portal.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a trusted proxy (the test's own loopback address plays it): links name the
 * public host and scheme the proxy forwards, https answers carry HSTS on the routed and
 * the cached path, and the client is the rightmost forwarded hop that is not a proxy, so
 * a client that sends its own {@code X-Forwarded-For} cannot pass for an internal caller.
 * Shares its context with {@code ExportLimitIntegrationTests}, which proves per-client
 * limits by forwarded address.
 */
@IntegrationTest
@WithTinyDemo(readModel = true)
@TestPropertySource(properties = { "portal.exports.max-per-client=1", "portal.exports.max-concurrent=2",
		"portal.http.trusted-proxies=127.0.0.1" })
class TrustedProxyIntegrationTests {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Test
	void linksNameThePublicHostAndSchemeTheProxyForwards() throws Exception {
		HttpResponse<String> landing = get("/ogc?f=json", "X-Forwarded-Proto", "https", "X-Forwarded-Host",
				"data.kotaku.example", "X-Forwarded-For", "203.0.113.7");
		assertThat(landing.statusCode()).isEqualTo(200);
		assertThat(landing.body()).contains("\"href\":\"https://data.kotaku.example/ogc\"").doesNotContain("127.0.0.1");
		assertThat(get("/tiles/regions.json", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "data.kotaku.example")
			.body()).contains("https://data.kotaku.example/tiles/v");
		assertThat(get("/ogc?f=json").body()).as("without forwarded headers: the address the client used")
			.contains("\"href\":\"http://127.0.0.1:" + this.port + "/ogc\"");
	}

	@Test
	void httpsAnswersCarryHstsOnTheRoutedAndTheCachedPath() throws Exception {
		for (String uri : new String[] { "/api/v1/summary?year=2020", "/api/v1/summary?year=2020", "/ogc?f=json" }) {
			HttpResponse<String> https = get(uri, "X-Forwarded-Proto", "https");
			assertThat(https.statusCode()).isEqualTo(200);
			assertThat(https.headers().firstValue(ForwardedRequests.HSTS)).as(uri)
				.hasValue("max-age=31536000; includeSubDomains");
		}
		assertThat(get("/api/v1/summary?year=2020").headers().firstValue(ForwardedRequests.HSTS))
			.as("plain http: no HSTS")
			.isEmpty();
	}

	@Test
	void theClientIsTheRightmostHopThatIsNoProxy() throws Exception {
		assertThat(get("/actuator/health/internal").statusCode()).as("the proxy itself, on loopback").isEqualTo(200);
		HttpResponse<String> outside = get("/actuator/health/internal", "X-Forwarded-For", "198.51.100.4");
		assertThat(outside.statusCode()).isEqualTo(403);
		assertThat(outside.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(outside.body()).contains("/problems/forbidden").contains("portal.http.internal-networks");
		assertThat(get("/actuator/prometheus", "X-Forwarded-For", "198.51.100.4").statusCode()).isEqualTo(403);
		assertThat(get("/actuator/health/internal", "X-Forwarded-For", "127.0.0.1, 198.51.100.4").statusCode())
			.as("a forged loopback hop left of the real client is not believed")
			.isEqualTo(403);
		assertThat(get("/actuator/health/internal", "X-Forwarded-For", "198.51.100.4, 127.0.0.1").statusCode())
			.as("hops through trusted proxies are skipped")
			.isEqualTo(403);
		HttpResponse<String> status = get("/actuator/health", "X-Forwarded-For", "198.51.100.4");
		assertThat(status.statusCode()).isEqualTo(200);
		assertThat(status.body()).contains("\"status\":\"UP\"").doesNotContain("components");
	}

	private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(20));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
