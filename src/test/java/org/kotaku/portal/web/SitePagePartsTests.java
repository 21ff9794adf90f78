package org.kotaku.portal.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a page's server-rendered parts go into the site's index.html (title, description,
 * head, body), and when a client that reaches a record page is answered with a problem
 * rather than an HTML page.
 */
class SitePagePartsTests {

	static final String INDEX = "<!doctype html><html><head><meta name=\"description\" content=\"site\" />"
			+ "<title>Site</title></head><body><div id=\"app\"></div>\n<noscript>Needs JavaScript.</noscript></body></html>";

	@Test
	void aPageWithItsOwnTitleAndDescriptionReplacesTheSitesAndItsNotice() {
		SiteIndex index = SiteIndex.of(INDEX.getBytes(StandardCharsets.UTF_8));
		String page = new String(index.with(new SitePageContent.Parts("<meta name=\"description\" content=\"own\">",
				"<main>record</main>", "Record &amp; more")), StandardCharsets.UTF_8);
		assertThat(page)
			.contains("<title>Record &amp; more</title>", "<meta name=\"description\" content=\"own\"></head>",
					"<body><noscript><main>record</main></noscript><div id=\"app\"></div>")
			.doesNotContain("content=\"site\"", "Needs JavaScript", "<title>Site</title>");
	}

	@Test
	void aPageWithoutATitleKeepsTheSites() {
		SiteIndex index = SiteIndex.of(INDEX.getBytes(StandardCharsets.UTF_8));
		String page = new String(index.with(new SitePageContent.Parts("<script></script>", "<p>list</p>")),
				StandardCharsets.UTF_8);
		assertThat(page).contains("<title>Site</title>", "content=\"site\"", "<script></script></head>");
	}

	@Test
	void theVariantNamesTheBuild() {
		assertThat(SiteIndex.of("a".getBytes(StandardCharsets.UTF_8)).variant())
			.isNotEqualTo(SiteIndex.of("b".getBytes(StandardCharsets.UTF_8)).variant())
			.startsWith("site=");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "application/json|true", "application/problem+json|true", "application/json, */*;q=0.1|true",
					"*/*|false", "text/html,application/xhtml+xml,*/*;q=0.8|false",
					"application/json;q=0.5, text/html|false", "text/html, application/json|false", "text/*|false" })
	void jsonIsForClientsThatPreferItToHtml(String accept, boolean json) {
		assertThat(SiteRecordAnswers.asksForJson(MediaType.parseMediaTypes(accept))).isEqualTo(json);
		assertThat(SiteRecordAnswers.asksForJson(List.of())).isFalse();
	}

}
