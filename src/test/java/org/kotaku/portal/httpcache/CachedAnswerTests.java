package org.kotaku.portal.httpcache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.kotaku.portal.dataversion.DataVersion;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class CachedAnswerTests {

	private static final String CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";

	private final CachedResponse cached = CachedResponse.of("W/\"v7-abc\"",
			new DataVersion(7, Instant.parse("2026-01-02T03:04:05Z"), DataVersion.SYNTHETIC), "application/json",
			"{\"a\":1}".getBytes(StandardCharsets.UTF_8), new byte[] { 1, 2, 3 }, CACHE_CONTROL, pathHeaders(),
			"/api/v1/summary");

	/** What the AnswerHeaders beans give a path (security headers, CORS). */
	private static HttpHeaders pathHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Frame-Options", "DENY");
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		return headers;
	}

	private static byte[] bytes(ByteBuffer buffer) {
		byte[] bytes = new byte[buffer.remaining()];
		buffer.get(bytes);
		return bytes;
	}

	@Test
	void plainAnswerCarriesFreshnessCacheAndPathHeaders() {
		CachedAnswer answer = CachedAnswer.of(MockServerHttpRequest.get("/api/v1/summary").build(), this.cached);
		assertThat(answer.status()).isEqualTo(HttpStatus.OK);
		assertThat(answer.body()).isEqualTo(this.cached.body());
		assertThat(answer.buffer().isDirect()).isTrue();
		assertThat(bytes(answer.buffer())).as("every answer reads its own duplicate").isEqualTo(this.cached.body());
		assertThat(bytes(CachedAnswer.of(MockServerHttpRequest.get("/x").build(), this.cached).buffer()))
			.isEqualTo(this.cached.body());
		HttpHeaders headers = answer.headers();
		assertThat(headers.getETag()).isEqualTo("W/\"v7-abc\"");
		assertThat(headers.getFirst("X-Data-Version")).isEqualTo("7");
		assertThat(headers.getFirst("X-Data-As-Of")).isEqualTo("2026-01-02T03:04:05Z");
		assertThat(headers.getCacheControl()).isEqualTo(CACHE_CONTROL);
		assertThat(headers.getFirst(HttpHeaders.VARY)).isEqualTo("Accept, Accept-Encoding");
		assertThat(headers.getFirst(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).as("the path's CORS").isEqualTo("*");
		assertThat(headers.getFirst(HttpHeaders.CONTENT_ENCODING)).isNull();
		assertThat(headers.getContentLength()).isEqualTo(this.cached.body().length);
		assertThat(headers.getFirst("X-Frame-Options")).as("the path's extra headers").isEqualTo("DENY");
	}

	@Test
	void matchingIfNoneMatchIsNotModifiedWithTheSameHeadersButNoBody() {
		for (String tag : List.of("W/\"v7-abc\"", "\"v7-abc\"", "\"x\", W/\"v7-abc\"", "*")) {
			CachedAnswer answer = CachedAnswer
				.of(MockServerHttpRequest.get("/x").header(HttpHeaders.IF_NONE_MATCH, tag).build(), this.cached);
			assertThat(answer.status()).as(tag).isEqualTo(HttpStatus.NOT_MODIFIED);
			assertThat(answer.body()).isNull();
			assertThat(answer.headers().getETag()).isEqualTo("W/\"v7-abc\"");
			assertThat(answer.headers().getFirst("X-Data-Version")).isEqualTo("7");
			assertThat(answer.headers().getFirst("X-Frame-Options")).isEqualTo("DENY");
			assertThat(answer.headers().getContentLength()).as("no body, no length").isEqualTo(-1);
		}
		CachedAnswer stale = CachedAnswer
			.of(MockServerHttpRequest.get("/x").header(HttpHeaders.IF_NONE_MATCH, "W/\"v6-abc\"").build(), this.cached);
		assertThat(stale.status()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void gzipOnlyWhenAccepted() {
		CachedAnswer answer = CachedAnswer
			.of(MockServerHttpRequest.get("/x").header(HttpHeaders.ACCEPT_ENCODING, "gzip").build(), this.cached);
		assertThat(answer.body()).containsExactly(1, 2, 3);
		assertThat(bytes(answer.buffer())).containsExactly(1, 2, 3);
		assertThat(answer.headers().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
		assertThat(answer.headers().getContentLength()).isEqualTo(3);
	}

	@Test
	void headHasHeadersButNoBody() {
		CachedAnswer answer = CachedAnswer.of(MockServerHttpRequest.head("/x").build(), this.cached);
		assertThat(answer.status()).isEqualTo(HttpStatus.OK);
		assertThat(answer.body()).isNull();
		assertThat(answer.buffer()).isNull();
		assertThat(answer.headers().getContentLength()).isEqualTo(this.cached.body().length);
	}

	@Test
	void requestKeyIgnoresParameterOrderButNotValuesOrAccept() {
		String a = RequestKey.of(MockServerHttpRequest.get("/p?year=2021&region=64").build());
		String b = RequestKey.of(MockServerHttpRequest.get("/p?region=64&year=2021").build());
		String c = RequestKey.of(MockServerHttpRequest.get("/p?region=64&year=2022").build());
		String csv = RequestKey
			.of(MockServerHttpRequest.get("/p?region=64&year=2021").header("Accept", "text/csv").build());
		assertThat(a).isEqualTo(b).isNotEqualTo(c).isNotEqualTo(csv);
		assertThat(ConditionalGet.etag(7, a)).isEqualTo(ConditionalGet.etag(7, b))
			.isNotEqualTo(ConditionalGet.etag(8, a));
	}

}
