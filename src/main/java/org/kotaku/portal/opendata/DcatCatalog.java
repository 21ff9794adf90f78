package org.kotaku.portal.opendata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kotaku.portal.bulk.Download;
import org.kotaku.portal.bulk.Downloads;
import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.catalog.Text;
import org.kotaku.portal.licence.Licence;

/**
 * The portal's catalog in DCAT-AP as JSON-LD ({@code /catalog.jsonld}): one
 * {@code dcat:Catalog}, a {@code dcat:Dataset} per catalog dataset and a
 * {@code dcat:Distribution} per way to get it (API answers, OGC API - Features
 * collection, bulk files), each with media type, licence and, for files, size and
 * download URL. Identifiers are built from the configured public URL so that a harvester
 * (ckanext-dcat in a Satu Data CKAN) keeps the same ones from one harvest to the next.
 */
final class DcatCatalog {

	private static final String IANA = "http://www.iana.org/assignments/media-types/";

	private static final String FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";

	private static final String LANGUAGE = "http://publications.europa.eu/resource/authority/language/";

	static final String OPENAPI = "https://spec.openapis.org/oas/v3.0.3";

	static final String OGC_FEATURES = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core";

	private final OpenDataProperties site;

	private final Licence licence;

	private final Downloads downloads;

	DcatCatalog(OpenDataProperties site, Licence licence, Downloads downloads) {
		this.site = site;
		this.licence = licence;
		this.downloads = downloads;
	}

	static Map<String, Object> context() {
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("dcat", "http://www.w3.org/ns/dcat#");
		context.put("dct", "http://purl.org/dc/terms/");
		context.put("foaf", "http://xmlns.com/foaf/0.1/");
		context.put("vcard", "http://www.w3.org/2006/vcard/ns#");
		context.put("locn", "http://www.w3.org/ns/locn#");
		context.put("spdx", "http://spdx.org/rdf/terms#");
		context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
		return context;
	}

	Map<String, Object> document(Map<String, DatasetFacts> facts) {
		Map<String, Object> catalog = new LinkedHashMap<>();
		catalog.put("@context", context());
		catalog.put("@id", this.site.url("/catalog.jsonld"));
		catalog.put("@type", "dcat:Catalog");
		catalog.put("dct:title", text(Text.of("Portal Data Terbuka KOTAKU", "KOTAKU open data portal")));
		catalog.put("dct:description", text(Text.of(
				"Data terbuka Program Kota Tanpa Kumuh (KOTAKU): kawasan kumuh, penilaian, alokasi dana, kegiatan dan "
						+ "akses 100-0-100.",
				"Open data of the KOTAKU slum-upgrading program (Kota Tanpa Kumuh): slum areas, assessments, "
						+ "allocations, activities and 100-0-100 access.")));
		catalog.put("dct:publisher", publisher());
		catalog.put("dct:license", id(this.licence.url()));
		catalog.put("dct:language", List.of(id(LANGUAGE + "IND"), id(LANGUAGE + "ENG")));
		catalog.put("foaf:homepage", id(this.site.url("/")));
		facts.values()
			.stream()
			.map(DatasetFacts::modified)
			.filter(java.util.Objects::nonNull)
			.max(java.util.Comparator.naturalOrder())
			.ifPresent((modified) -> catalog.put("dct:modified", typed(modified.toString(), "xsd:dateTime")));
		catalog.put("dcat:dataset", Catalog.all().stream().map((d) -> dataset(d, facts.get(d.id()))).toList());
		return catalog;
	}

	private Map<String, Object> dataset(Dataset dataset, DatasetFacts facts) {
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("@id", this.site.url("/api/v1/datasets/" + dataset.id()));
		node.put("@type", "dcat:Dataset");
		node.put("dct:identifier", dataset.id());
		node.put("dct:title", text(dataset.title()));
		node.put("dct:description", text(dataset.description()));
		node.put("dct:publisher", publisher());
		node.put("dct:license", id(this.licence.url()));
		node.put("dct:rights", this.licence.attributionText());
		node.put("dcat:keyword", List.of("KOTAKU", "permukiman kumuh", "slum upgrading", dataset.id()));
		node.put("dcat:landingPage", id(this.site.url("/data#" + dataset.id())));
		if (!this.site.contactEmail().isBlank()) {
			node.put("dcat:contactPoint", Map.of("@type", "vcard:Organization", "vcard:fn", this.site.publisherName(),
					"vcard:hasEmail", id("mailto:" + this.site.contactEmail())));
		}
		if (facts.modified() != null) {
			node.put("dct:modified", typed(facts.modified().toString(), "xsd:dateTime"));
		}
		if (facts.start() != null) {
			node.put("dct:temporal",
					Map.of("@type", "dct:PeriodOfTime", "dcat:startDate", typed(facts.start().toString(), "xsd:date"),
							"dcat:endDate", typed(facts.end().toString(), "xsd:date")));
		}
		if (facts.extent() != null) {
			node.put("dct:spatial", Map.of("@type", "dct:Location", "dcat:bbox",
					typed(facts.extent().wkt(), "http://www.opengis.net/ont/geosparql#wktLiteral")));
		}
		node.put("dcat:distribution", distributions(dataset));
		return node;
	}

	private List<Map<String, Object>> distributions(Dataset dataset) {
		List<Map<String, Object>> distributions = new ArrayList<>();
		String api = this.site.url(dataset.apiPath());
		distributions.add(api(api, "JSON", "application/json", Text.of("API (JSON)", "API (JSON)"), OPENAPI));
		if (OpenDataLinks.hasListing(dataset)) {
			distributions.add(api(api + "?format=csv&limit=all", "CSV", "text/csv",
					Text.of("API, semua baris (CSV)", "API, every row (CSV)"), OPENAPI));
			if (dataset.hasGeometry()) {
				distributions.add(api(api + "?format=geojson&limit=all", "GEOJSON", "application/geo+json",
						Text.of("API, semua baris (GeoJSON)", "API, every row (GeoJSON)"), OPENAPI));
			}
		}
		for (Download file : this.downloads.of(dataset.id())) {
			distributions.add(file(file));
		}
		for (String collection : OpenDataLinks.ogcCollections(dataset)) {
			distributions.add(api(this.site.url("/ogc/collections/" + collection), "GEOJSON", "application/geo+json",
					Text.of("OGC API - Features: " + collection, "OGC API - Features: " + collection), OGC_FEATURES));
		}
		return distributions;
	}

	private Map<String, Object> api(String url, String format, String mediaType, Text title, String conformsTo) {
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("@id", url);
		node.put("@type", "dcat:Distribution");
		node.put("dct:title", text(title));
		node.put("dcat:accessURL", id(url));
		node.put("dct:format", id(FILE_TYPE + format));
		node.put("dcat:mediaType", id(IANA + mediaType));
		node.put("dct:license", id(this.licence.url()));
		node.put("dct:conformsTo", id(conformsTo));
		return node;
	}

	/**
	 * A bulk file: its immutable {@code dcat:downloadURL}, the {@code dcat:accessURL}
	 * that always leads to the newest one, size, SHA-256 ({@code spdx:checksum}) and, for
	 * a gzip file, {@code dcat:compressFormat}.
	 */
	private Map<String, Object> file(Download file) {
		String url = this.site.url(file.path());
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("@id", url);
		node.put("@type", "dcat:Distribution");
		node.put("dct:title", text(fileTitle(file)));
		node.put("dcat:downloadURL", id(url));
		node.put("dcat:accessURL", id(this.site.url(file.latestPath())));
		node.put("dct:format", id(FILE_TYPE + fileType(file)));
		node.put("dcat:mediaType", id(IANA + file.mediaType()));
		if (file.compression() != null) {
			node.put("dcat:compressFormat", id(IANA + "application/gzip"));
		}
		node.put("dcat:byteSize", typed(Long.toString(file.byteSize()), "xsd:nonNegativeInteger"));
		node.put("spdx:checksum",
				Map.of("@type", "spdx:Checksum", "spdx:algorithm",
						id("http://spdx.org/rdf/terms#checksumAlgorithm_sha256"), "spdx:checksumValue",
						typed(file.sha256(), "xsd:hexBinary")));
		node.put("dct:modified", typed(file.modified().toString(), "xsd:dateTime"));
		node.put("dct:license", id(this.licence.url()));
		return node;
	}

	private static Text fileTitle(Download file) {
		if (file.isDelta()) {
			return Text.of("Perubahan sejak versi " + file.since() + " (NDJSON, gzip), versi data " + file.version(),
					"Changes since version " + file.since() + " (NDJSON, gzip), data version " + file.version());
		}
		String format = file.compression() == null ? "GeoPackage"
				: file.format().toUpperCase(java.util.Locale.ROOT) + ", gzip";
		return Text.of("Semua baris (" + format + "), versi data " + file.version(),
				"Every row (" + format + "), data version " + file.version());
	}

	/** The EU file-type authority's code (JSON for NDJSON, which it lacks). */
	private static String fileType(Download file) {
		return switch (file.format()) {
			case "csv" -> "CSV";
			case "geojson" -> "GEOJSON";
			case "gpkg" -> "GPKG";
			default -> "JSON";
		};
	}

	private Map<String, Object> publisher() {
		return Map.of("@id", this.site.publisherUrl(), "@type", "foaf:Organization", "foaf:name",
				this.site.publisherName());
	}

	static List<Map<String, String>> text(Text text) {
		return List.of(Map.of("@value", text.id(), "@language", "id"), Map.of("@value", text.en(), "@language", "en"));
	}

	static Map<String, String> id(String iri) {
		return Map.of("@id", iri);
	}

	static Map<String, String> typed(String value, String type) {
		return Map.of("@value", value, "@type", type);
	}

}
