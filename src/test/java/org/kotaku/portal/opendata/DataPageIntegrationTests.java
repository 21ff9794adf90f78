package org.kotaku.portal.opendata;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML of {@code /data}, as a crawler or a reader without JavaScript gets it, holds a
 * schema.org {@code DataCatalog} with one {@code Dataset} per catalog dataset and the
 * list of datasets in both languages.
 */
@IntegrationTest
@WithTinyDemo(readModel = true)
class DataPageIntegrationTests {

	static final Pattern JSON_LD = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>",
			Pattern.DOTALL);

	@Autowired
	WebTestClient client;

	@Autowired
	JsonMapper json;

	@Test
	void theHtmlCarriesSchemaOrgDatasetsWithoutJavaScript() {
		String html = html();
		Matcher script = JSON_LD.matcher(html);
		assertThat(script.find()).as("a JSON-LD script in the HTML").isTrue();
		assertThat(html.indexOf(script.group())).isLessThan(html.indexOf("</head>"));
		JsonNode catalog = this.json.readTree(script.group(1));
		assertThat(catalog.get("@type").asString()).isEqualTo("DataCatalog");
		assertThat(catalog.get("dataset").valueStream().map((d) -> d.get("identifier").asString()))
			.containsExactlyElementsOf(Catalog.all().stream().map(Dataset::id).toList());
		JsonNode activities = catalog.get("dataset")
			.valueStream()
			.filter((d) -> d.get("identifier").asString().equals("activities"))
			.findFirst()
			.orElseThrow();
		assertThat(activities.get("@type").asString()).isEqualTo("Dataset");
		assertThat(activities.get("license").asString()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
		assertThat(activities.get("temporalCoverage").asString()).matches("\\d{4}-01-01/\\d{4}-12-31");
		assertThat(activities.get("variableMeasured").valueStream().map((v) -> v.get("name").asString()))
			.containsExactlyElementsOf(Catalog.ACTIVITIES.fieldNames());
		assertThat(activities.get("distribution").valueStream().map((d) -> d.get("encodingFormat").asString()))
			.contains("text/csv");
	}

	@Test
	void readersWithoutJavaScriptGetTheDatasetsInBothLanguages() {
		String html = html();
		String noscript = html.substring(html.indexOf("<noscript><main"), html.indexOf("</main></noscript>"));
		for (Dataset dataset : Catalog.all()) {
			assertThat(noscript).as(dataset.id())
				.contains("id=\"" + dataset.id() + "\"")
				.contains(org.springframework.web.util.HtmlUtils.htmlEscape(dataset.title().id()))
				.contains(org.springframework.web.util.HtmlUtils.htmlEscape(dataset.title().en()));
		}
		assertThat(noscript).contains("/catalog.jsonld");
		assertThat(html).contains("<div id=\"app\"></div>");
	}

	private String html() {
		return this.client.get()
			.uri("/data")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
