package org.kotaku.portal.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One parameter dialect on every public API route (issue #14): an unknown, repeated or
 * malformed parameter, a control character or bytes that are not UTF-8 are a 400 problem
 * naming the parameter, never an answer that ignores it, never a 503; a malformed
 * Accept-Encoding is a 400 problem naming the header wherever it chooses gzip (the
 * answers rendered once per data version), on the routed path and on the cached fast path
 * alike. Raw URIs (java.net.http), so that nothing re-encodes the bad bytes.
 */
@IntegrationTest
@WithTinyDemo(readModel = true)
class ParameterDialectIntegrationTests {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Value("${local.server.port}")
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/summary", "/api/v1/progress", "/api/v1/spending", "/api/v1/regions",
			"/api/v1/regions/32", "/api/v1/changes", "/api/v1/changes.atom", "/api/v1/datasets",
			"/api/v1/datasets/activities", "/api/v1/checks", "/api/v1/activities", "/api/v1/slum-areas",
			"/api/v1/decrees", "/catalog.jsonld", "/datapackage.json", "/downloads", "/tiles/regions.json",
			"/ogc/collections", "/ogc/collections/activities/items" })
	void everyRouteRefusesAnUnknownParameterByName(String route) {
		HttpResponse<String> answer = get(route + "?yaer=2020");
		assertProblem(answer, 400, "invalid-parameter");
		assertThat(answer.body()).as(route).contains("yaer");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/summary?year=2020&year=2021", "/api/v1/progress?level=1&level=2",
			"/api/v1/regions?q=a&q=b", "/api/v1/changes?limit=1&limit=2" })
	void aRepeatedParameterIsRefused(String uri) {
		HttpResponse<String> answer = get(uri);
		assertProblem(answer, 400, "invalid-parameter");
		assertThat(answer.body()).contains("more than once");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/summary?year=twenty", "/api/v1/summary?region=abc", "/api/v1/changes?limit=0",
			"/api/v1/changes?since=-1", "/api/v1/progress?metric=nope", "/api/v1/spending?groupBy=nope",
			"/api/v1/regions?limit=99999", "/api/v1/changes?after=x" })
	void aMalformedValueIsRefusedByName(String uri) {
		assertProblem(get(uri), 400, "invalid-parameter");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/activities?q=a%00b", "/api/v1/regions?q=a%00b", "/api/v1/activities?q=%FF",
			"/api/v1/summary?region=%C3", "/ogc/collections/activities/items?q=%00", "/api/v1/activities?q=a%1Bb" })
	void controlCharactersAndBytesThatAreNotUtf8AreTheClientsError(String uri) {
		HttpResponse<String> answer = get(uri);
		assertProblem(answer, 400, "invalid-parameter");
		assertThat(answer.body()).containsPattern("\"parameter\":\"(q|region)\"");
	}

	@Test
	void aMalformedAcceptEncodingIsAProblemOnTheRoutedAndTheFastPath() throws Exception {
		String uri = "/api/v1/summary?year=2020";
		assertThat(get(uri).statusCode()).isEqualTo(200);
		assertThat(get(uri).statusCode()).as("the second answer comes from the fast path").isEqualTo(200);
		HttpResponse<String> cached = send(uri, "gzip;q=1.0.0");
		assertProblem(cached, 400, "invalid-header");
		assertThat(cached.body()).contains("\"header\":\"Accept-Encoding\"").contains("gzip;q=1.0.0");
		assertProblem(send("/api/v1/regions?q=xyz-not-cached", "gzip;q=2"), 400, "invalid-header");
		assertThat(send(uri, "gzip;q=0.5, br").statusCode()).isEqualTo(200);
	}

	private static void assertProblem(HttpResponse<String> answer, int status, String type) {
		assertThat(answer.statusCode()).as(answer.uri() + " " + answer.body()).isEqualTo(status);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(answer.body()).contains("\"type\":\"/problems/" + type + "\"");
	}

	private HttpResponse<String> get(String uri) {
		return send(uri, null);
	}

	private HttpResponse<String> send(String uri, String acceptEncoding) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + uri))
			.timeout(Duration.ofSeconds(30));
		if (acceptEncoding != null) {
			request.header("Accept-Encoding", acceptEncoding);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
