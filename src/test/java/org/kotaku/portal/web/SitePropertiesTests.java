package org.kotaku.portal.web;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The origin of an external base-map style is what the content security policy allows,
 * and nothing more.
 */
class SitePropertiesTests {

	@Test
	void originOfTheExternalStyle() {
		assertThat(new SiteProperties("classpath:/static/", "https://tiles.example.org:8443/styles/basic.json", "")
			.mapStyleOrigin()).contains("https://tiles.example.org:8443");
		assertThat(
				new SiteProperties("classpath:/static/", "https://tiles.example.org/style.json", "").mapStyleOrigin())
			.contains("https://tiles.example.org");
		assertThat(new SiteProperties("classpath:/static/", "", "").mapStyleOrigin()).isEmpty();
		assertThat(new SiteProperties("classpath:/static/", "style.json", "").mapStyleOrigin()).isEmpty();
	}

	@Test
	void externalStyleOriginIsAllowedByThePolicy() {
		SecurityHeadersFilter security = new SecurityHeadersFilter(
				new SiteProperties("classpath:/static/", "https://tiles.example.org/s.json", ""));
		HttpHeaders page = new HttpHeaders();
		security.addTo("/peta", page);
		assertThat(page.get("Content-Security-Policy")).singleElement()
			.asString()
			.contains("img-src 'self' data: blob: https://tiles.example.org;",
					"font-src 'self' data: https://tiles.example.org;", "connect-src 'self' https://tiles.example.org;",
					"frame-ancestors 'none'");
		HttpHeaders embed = new HttpHeaders();
		security.addTo("/embed/wilayah/64.71", embed);
		assertThat(embed.getFirst("Content-Security-Policy")).contains("https://tiles.example.org;")
			.endsWith("frame-ancestors *");
		HttpHeaders none = new HttpHeaders();
		new SecurityHeadersFilter(new SiteProperties("classpath:/static/", "", "")).addTo("/peta", none);
		assertThat(none.getFirst("Content-Security-Policy")).doesNotContain("example.org")
			.contains("img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self';");
	}

}
