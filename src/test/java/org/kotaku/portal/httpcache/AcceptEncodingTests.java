package org.kotaku.portal.httpcache;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.api.ProblemType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AcceptEncodingTests {

	@Test
	void gzipWhenNamedWithAWeightAboveZero() {
		assertThat(AcceptEncoding.acceptsGzip(List.of("gzip, deflate, br"))).isTrue();
		assertThat(AcceptEncoding.acceptsGzip(List.of("br;q=1.0, gzip;q=0.5"))).isTrue();
		assertThat(AcceptEncoding.acceptsGzip(List.of("GZIP ; q=0.001"))).isTrue();
		assertThat(AcceptEncoding.acceptsGzip(List.of("deflate", "gzip"))).isTrue();
		assertThat(AcceptEncoding.acceptsGzip(List.of("gzip;q=0"))).isFalse();
		assertThat(AcceptEncoding.acceptsGzip(List.of("gzip;q=0.000"))).isFalse();
		assertThat(AcceptEncoding.acceptsGzip(List.of("identity"))).isFalse();
		assertThat(AcceptEncoding.acceptsGzip(List.of(""))).isFalse();
		assertThat(AcceptEncoding.acceptsGzip(null)).isFalse();
	}

	@Test
	void theWildcardStandsForGzipUnlessGzipIsNamed() {
		assertThat(AcceptEncoding.acceptsGzip(List.of("*"))).isTrue();
		assertThat(AcceptEncoding.acceptsGzip(List.of("*;q=0"))).isFalse();
		assertThat(AcceptEncoding.acceptsGzip(List.of("*, gzip;q=0"))).isFalse();
		assertThat(AcceptEncoding.acceptsGzip(List.of("br, , gzip"))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "gzip;q=1.0.0", "gzip;q=2", "gzip;q=1.5", "gzip;q=0.1234", "gzip;q=", "gzip;q=abc",
			"gz(ip", "gzip;level=9", "gzip;;q=1" })
	void aMalformedElementIsAProblemNamingTheHeader(String value) {
		assertThatThrownBy(() -> AcceptEncoding.acceptsGzip(List.of(value)))
			.isInstanceOfSatisfying(PortalException.class, (ex) -> {
				assertThat(ex.type()).isEqualTo(ProblemType.INVALID_HEADER);
				assertThat(ex.extensions()).containsEntry("header", "Accept-Encoding");
				assertThat(ex.detail()).contains(value.strip());
			});
	}

}
