package org.kotaku.portal.httpcache;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.kotaku.portal.dataversion.DataVersion;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one ETag format, the one If-None-Match matcher (RFC 9110 weak comparison) and the
 * headers they describe.
 */
class ConditionalGetTests {

	@Test
	void etagIsWeakAndNamesTheDataVersionAndTheKey() {
		String etag = ConditionalGet.etag(7, "/api/v1/summary accept=*/*");
		assertThat(etag).matches("W/\"v7-[0-9a-f]+\"");
		assertThat(ConditionalGet.etag(7, "/api/v1/summary accept=*/*")).isEqualTo(etag);
		assertThat(ConditionalGet.etag(8, "/api/v1/summary accept=*/*")).isNotEqualTo(etag);
		assertThat(ConditionalGet.etag(7, "/api/v1/summary accept=text/csv")).isNotEqualTo(etag);
	}

	@Test
	void matchesWeakOrStrongFormsListsAndStar() {
		String etag = "W/\"v7-abc\"";
		assertThat(ConditionalGet.matches(List.of("W/\"v7-abc\""), etag)).isTrue();
		assertThat(ConditionalGet.matches(List.of("\"v7-abc\""), etag)).isTrue();
		assertThat(ConditionalGet.matches(List.of("\"v1-x\", W/\"v7-abc\""), etag)).isTrue();
		assertThat(ConditionalGet.matches(List.of("\"v1-x\"", "W/\"v7-abc\""), etag)).as("two header lines").isTrue();
		assertThat(ConditionalGet.matches(List.of("*"), etag)).isTrue();
		assertThat(ConditionalGet.matches(List.of("W/\"v8-abc\""), etag)).isFalse();
		assertThat(ConditionalGet.matches(List.of(), etag)).isFalse();
		assertThat(ConditionalGet.matches(null, etag)).isFalse();
	}

	@Test
	void describesTheVersionAndAddsToVary() {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.VARY, "Origin");
		ConditionalGet.describe(headers, "W/\"v7-abc\"", "no-cache, public", HttpHeaders.ACCEPT,
				new DataVersion(7, Instant.parse("2026-01-02T03:04:05Z"), DataVersion.SYNTHETIC));
		assertThat(headers.getETag()).isEqualTo("W/\"v7-abc\"");
		assertThat(headers.getCacheControl()).isEqualTo("no-cache, public");
		assertThat(headers.get(HttpHeaders.VARY)).containsExactly("Origin", "Accept");
		assertThat(headers.getFirst(ConditionalGet.DATA_VERSION)).isEqualTo("7");
		assertThat(headers.getFirst(ConditionalGet.DATA_AS_OF)).isEqualTo("2026-01-02T03:04:05Z");
		ConditionalGet.describe(headers, "W/\"v7-abc\"", "no-cache, public", HttpHeaders.ACCEPT,
				new DataVersion(0, null, DataVersion.SYNTHETIC));
		assertThat(headers.get(HttpHeaders.VARY)).as("added once").containsExactly("Origin", "Accept");
	}

}
