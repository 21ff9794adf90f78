package org.kotaku.portal.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The origin of an external base-map style is what the content security policy allows, and nothing more. */
class SitePropertiesTests {

	@Test
	void originOfTheExternalStyle() {
		assertThat(new SiteProperties("classpath:/static/", "https://tiles.example.org:8443/styles/basic.json", "").mapStyleOrigin())
			.contains("https://tiles.example.org:8443");
		assertThat(new SiteProperties("classpath:/static/", "https://tiles.example.org/style.json", "").mapStyleOrigin())
			.contains("https://tiles.example.org");
		assertThat(new SiteProperties("classpath:/static/", "", "").mapStyleOrigin()).isEmpty();
		assertThat(new SiteProperties("classpath:/static/", "style.json", "").mapStyleOrigin()).isEmpty();
	}

	@Test
	void externalStyleOriginIsAllowedByThePolicy() {
		SiteHeaders headers = new SiteHeaders(new SiteProperties("classpath:/static/", "https://tiles.example.org/s.json", ""));
		assertThat(headers.policyFor("/peta")).hasValueSatisfying((policy) -> assertThat(policy)
			.contains("connect-src 'self' https://tiles.example.org;", "frame-ancestors 'none'"));
		assertThat(headers.policyFor("/embed/wilayah/64.71")).hasValueSatisfying((policy) -> assertThat(policy)
			.contains("frame-ancestors *"));
		assertThat(headers.policyFor("/api/v1/summary")).isEmpty();
	}

}
