package org.kotaku.portal.httpcache;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path answers repeated requests before routing (a counting WebFilter never sees
 * them) with exactly the headers and bytes of the routed answer; the metrics show the
 * cache and the read model.
 */
@IntegrationTest
@WithTinyDemo(readModel = true)
@Import(FastPathIntegrationTests.CountingFilter.class)
class FastPathIntegrationTests {

	static final List<String> SAME_HEADERS = List.of(HttpHeaders.ETAG, HttpHeaders.CACHE_CONTROL, HttpHeaders.VARY,
			HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH, HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN,
			HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "X-Data-Version", "X-Data-As-Of", "X-Content-Type-Options",
			HttpHeaders.CONTENT_ENCODING, "Content-Security-Policy", "Referrer-Policy", "X-Frame-Options",
			HttpHeaders.LINK);

	@TestConfiguration
	static class CountingFilter {

		static final AtomicInteger routed = new AtomicInteger();

		@Bean
		WebFilter countRoutedRequests() {
			return (exchange, chain) -> Mono.fromRunnable(routed::incrementAndGet).then(chain.filter(exchange));
		}

	}

	@Autowired
	WebTestClient client;

	@Value("${local.server.port}")
	int port;

	@Test
	void aRepeatedRequestIsAnsweredBeforeRoutingWithTheSameHeadersAndBytes() {
		String uri = "/api/v1/progress?level=2&metric=planned_idr&year=2020";
		int before = CountingFilter.routed.get();
		EntityExchangeResult<byte[]> routed = get(uri);
		assertThat(CountingFilter.routed.get()).isEqualTo(before + 1);
		EntityExchangeResult<byte[]> fast = get(uri);
		assertThat(CountingFilter.routed.get()).as("second answer came from the fast path").isEqualTo(before + 1);
		assertThat(fast.getResponseBody()).isEqualTo(routed.getResponseBody());
		assertThat(fast.getResponseHeaders().getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
		assertThat(fast.getResponseHeaders().get(HttpHeaders.LINK)).as("the licence, on the fast path too")
			.containsExactly("<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"");
		for (String header : SAME_HEADERS) {
			assertThat(fast.getResponseHeaders().get(header)).as(header)
				.isEqualTo(routed.getResponseHeaders().get(header));
		}
		this.client.get()
			.uri(uri)
			.header(HttpHeaders.IF_NONE_MATCH, fast.getResponseHeaders().getETag())
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
					(exposed) -> assertThat(exposed).as("the CORS policy's list, as on a routed answer")
						.contains("ETag", "Link", "X-Data-Version"));
		assertThat(CountingFilter.routed.get()).as("304 from the fast path too").isEqualTo(before + 1);
	}

	/** A plain JDK client: it neither asks for nor undoes compression by itself. */
	@Test
	void gzipVariantIsTheSameDocument() throws Exception {
		URI uri = URI.create("http://127.0.0.1:" + this.port + "/api/v1/regions?level=4&limit=100");
		HttpClient http = HttpClient.newHttpClient();
		for (int i = 0; i < 2; i++) { // routed, then fast path
			HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofByteArray());
			HttpResponse<byte[]> zipped = http.send(
					HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(), BodyHandlers.ofByteArray());
			assertThat(plain.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).isEmpty();
			assertThat(zipped.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).contains("gzip");
			try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
				assertThat(in.readAllBytes()).isEqualTo(plain.body());
			}
			assertThat(zipped.body().length).isLessThan(plain.body().length / 3);
			assertThat(zipped.headers().firstValue(HttpHeaders.ETAG))
				.isEqualTo(plain.headers().firstValue(HttpHeaders.ETAG));
		}
	}

	@Test
	void csvByAcceptHeaderAndByFormatParameter() {
		String byFormat = new String(get("/api/v1/spending?groupBy=year&format=csv").getResponseBody(),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(byFormat)
			.startsWith("groupBy,key,name,year,plannedIdr,budgetIdr,disbursedIdr,disbursementRate,activities\r\n")
			.contains("\r\nyear,2020,");
		this.client.get()
			.uri("/api/v1/progress?level=2&metric=sanitation_pct")
			.header(HttpHeaders.ACCEPT, "text/csv")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/csv")
			.expectBody(String.class)
			.value((csv) -> assertThat(csv).startsWith("code,name,level,metric,unit,year,value,hasData,lon,lat\r\n")
				.contains("64.71,Kota Balikpapan,2,sanitation_pct,percent,,"));
	}

	@Test
	void metricsShowRefreshesVersionAndCache() {
		get("/api/v1/summary");
		get("/api/v1/summary");
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((text) -> assertThat(text).contains("portal_read_model_refresh_seconds_count")
				.contains("portal_read_model_version ")
				.contains("portal_read_model_failing 0.0")
				.contains("cache_gets_total{cache=\"responses\",result=\"hit\"}")
				.contains("cache_size{cache=\"responses\"}")
				.contains("portal_response_cache_bytes")
				.contains("portal_response_cache_hit_ratio"));
	}

	private EntityExchangeResult<byte[]> get(String uri) {
		return this.client.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult();
	}

}
