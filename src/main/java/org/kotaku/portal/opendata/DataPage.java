package org.kotaku.portal.opendata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import org.kotaku.portal.bulk.Download;
import org.kotaku.portal.bulk.Downloads;
import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.catalog.Field;
import org.kotaku.portal.licence.Licence;
import org.kotaku.portal.web.JsonLdScript;
import org.kotaku.portal.web.SitePageContent;

/**
 * What the site's {@code /data} page holds before any script runs: a schema.org
 * {@code DataCatalog} of {@code Dataset}s as JSON-LD (what search engines index) and, for
 * readers without JavaScript, the list of datasets with their record counts and addresses
 * in both languages.
 */
@Component
class DataPage implements SitePageContent {

	private final DatasetFactsRepository facts;

	private final OpenDataProperties site;

	private final Licence licence;

	private final JsonMapper json;

	private final Downloads downloads;

	DataPage(DatasetFactsRepository facts, OpenDataProperties site, Licence licence, JsonMapper json,
			Downloads downloads) {
		this.downloads = downloads;
		this.facts = facts;
		this.site = site;
		this.licence = licence;
		this.json = json;
	}

	@Override
	public String path() {
		return "/data";
	}

	@Override
	public Mono<Parts> render() {
		return this.facts.current().map((facts) -> new Parts(structuredData(facts), noscript(facts)));
	}

	String structuredData(Map<String, DatasetFacts> facts) {
		Map<String, Object> catalog = new LinkedHashMap<>();
		catalog.put("@context", "https://schema.org/");
		catalog.put("@type", "DataCatalog");
		catalog.put("name", "Portal Data Terbuka KOTAKU / KOTAKU open data portal");
		catalog.put("url", this.site.url("/data"));
		catalog.put("publisher", publisher());
		catalog.put("license", this.licence.url());
		catalog.put("dataset", Catalog.all().stream().map((d) -> dataset(d, facts.get(d.id()))).toList());
		return JsonLdScript.of(this.json, catalog);
	}

	private Map<String, Object> dataset(Dataset dataset, DatasetFacts facts) {
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("@type", "Dataset");
		node.put("@id", this.site.url("/api/v1/datasets/" + dataset.id()));
		node.put("identifier", dataset.id());
		node.put("name", dataset.title().id() + " / " + dataset.title().en());
		node.put("description", dataset.description().id() + " / " + dataset.description().en());
		node.put("url", this.site.url("/data#" + dataset.id()));
		node.put("inLanguage", List.of("id", "en"));
		node.put("isAccessibleForFree", true);
		node.put("license", this.licence.url());
		node.put("creditText", this.licence.attributionText());
		node.put("publisher", publisher());
		node.put("creator", publisher());
		if (facts.modified() != null) {
			node.put("dateModified", facts.modified().toString());
		}
		if (facts.start() != null) {
			node.put("temporalCoverage", facts.start() + "/" + facts.end());
		}
		if (facts.extent() != null) {
			DatasetFacts.BoundingBox box = facts.extent();
			node.put("spatialCoverage", Map.of("@type", "Place", "geo", Map.of("@type", "GeoShape", "box",
					box.south() + " " + box.west() + " " + box.north() + " " + box.east())));
		}
		node.put("variableMeasured", dataset.fields().stream().map(DataPage::variable).toList());
		node.put("distribution", distributions(dataset));
		return node;
	}

	private static Map<String, Object> variable(Field field) {
		Map<String, Object> variable = new LinkedHashMap<>();
		variable.put("@type", "PropertyValue");
		variable.put("name", field.name());
		variable.put("description", field.description().en());
		if (field.unit() != null) {
			variable.put("unitText", field.unit());
		}
		return variable;
	}

	private List<Map<String, Object>> distributions(Dataset dataset) {
		List<Map<String, Object>> distributions = new ArrayList<>();
		String api = this.site.url(dataset.apiPath());
		distributions.add(download("application/json", api));
		if (OpenDataLinks.hasListing(dataset)) {
			distributions.add(download("text/csv", api + "?format=csv&limit=all"));
		}
		for (Download file : this.downloads.of(dataset.id())) {
			Map<String, Object> node = new LinkedHashMap<>(download(file.mediaType(), this.site.url(file.path())));
			node.put("name", file.file() + (file.compression() == null ? "" : " (" + file.compression() + ")"));
			node.put("contentSize", file.byteSize() + " B");
			node.put("sha256", file.sha256());
			node.put("dateModified", file.modified().toString());
			distributions.add(node);
		}
		return distributions;
	}

	private static Map<String, Object> download(String mediaType, String url) {
		return Map.of("@type", "DataDownload", "encodingFormat", mediaType, "contentUrl", url);
	}

	private Map<String, Object> publisher() {
		return Map.of("@type", "Organization", "name", this.site.publisherName(), "url", this.site.publisherUrl());
	}

	String noscript(Map<String, DatasetFacts> facts) {
		StringBuilder html = new StringBuilder("<main class=\"static-catalog\"><h1>Data terbuka / Open data</h1>");
		html.append("<p>")
			.append(escape(this.licence.attributionText()))
			.append(" · <a href=\"")
			.append(escape(this.licence.url()))
			.append("\">")
			.append(escape(this.licence.title()))
			.append("</a></p>");
		html.append("<p><a href=\"/catalog.jsonld\">DCAT-AP</a> · <a href=\"/datapackage.json\">Data package</a>"
				+ " · <a href=\"/downloads\">/downloads</a> · <a href=\"/api/v1/datasets\">/api/v1/datasets</a>"
				+ " · <a href=\"/docs/data-dictionary.md\">Kamus data / Data dictionary</a></p>");
		for (Dataset dataset : Catalog.all()) {
			DatasetFacts f = facts.get(dataset.id());
			html.append("<section id=\"")
				.append(dataset.id())
				.append("\"><h2>")
				.append(escape(dataset.title().id()))
				.append(" / ")
				.append(escape(dataset.title().en()))
				.append("</h2><p>")
				.append(escape(dataset.description().id()))
				.append("</p><p lang=\"en\">")
				.append(escape(dataset.description().en()))
				.append("</p><p>")
				.append(f.recordCount())
				.append(" baris / records · <a href=\"")
				.append(escape(dataset.apiPath()))
				.append("\">")
				.append(escape(dataset.apiPath()))
				.append("</a>");
			for (Download file : this.downloads.of(dataset.id())) {
				html.append(" · <a href=\"")
					.append(escape(file.path()))
					.append("\">")
					.append(escape(file.file()))
					.append("</a> (")
					.append(file.byteSize())
					.append(" B)");
			}
			html.append("</p></section>");
		}
		return html.append("</main>").toString();
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}
