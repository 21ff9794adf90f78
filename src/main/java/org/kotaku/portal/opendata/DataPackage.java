package org.kotaku.portal.opendata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kotaku.portal.dataversion.DataVersion;
import org.kotaku.portal.bulk.Download;
import org.kotaku.portal.bulk.Downloads;
import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.catalog.Field;
import org.kotaku.portal.licence.Licence;

/**
 * The portal's data as a Frictionless (tabular) data package, {@code /datapackage.json}:
 * one resource per dataset, its CSV bulk file of the newest version that has them (gzip,
 * with size and SHA-256), or, before the first files are written, the list API's CSV
 * export, which has the same columns; each with a Table Schema read from the catalog:
 * field types, {@code required} and {@code enum} constraints, the id as primary key, and
 * the empty cell as the only missing value.
 */
final class DataPackage {

	private final OpenDataProperties site;

	private final Licence licence;

	private final Downloads downloads;

	DataPackage(OpenDataProperties site, Licence licence, Downloads downloads) {
		this.site = site;
		this.licence = licence;
		this.downloads = downloads;
	}

	Map<String, Object> document(DataVersion version) {
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("profile", "tabular-data-package");
		doc.put("name", "kotaku");
		doc.put("id", this.site.url("/datapackage.json"));
		doc.put("title", "KOTAKU open data portal / Portal Data Terbuka KOTAKU");
		doc.put("description", "Open data of Indonesia's slum-upgrading program KOTAKU (Kota Tanpa Kumuh): regions, "
				+ "slum decrees, slum areas and their assessments, 100-0-100 access, allocations with their tranches, "
				+ "and activities. Fields in both languages: " + this.site.url("/api/v1/datasets") + ".");
		doc.put("version", Long.toString(this.downloads.latestVersion().orElse(version.version())));
		doc.put("homepage", this.site.url("/data"));
		doc.put("licenses",
				List.of(Map.of("name", this.licence.id(), "path", this.licence.url(), "title", this.licence.title())));
		doc.put("sources", List.of(Map.of("title", this.site.publisherName(), "path", this.site.publisherUrl())));
		List<Map<String, Object>> resources = new ArrayList<>();
		for (Dataset dataset : Catalog.all()) {
			resource(dataset).ifPresent(resources::add);
		}
		doc.put("resources", resources);
		return doc;
	}

	private Optional<Map<String, Object>> resource(Dataset dataset) {
		Optional<Download> file = this.downloads.of(dataset.id())
			.stream()
			.filter((d) -> d.format().equals("csv"))
			.findFirst();
		if (file.isEmpty() && !OpenDataLinks.hasListing(dataset)) {
			return Optional.empty();
		}
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("name", dataset.id());
		resource.put("title", dataset.title().en() + " / " + dataset.title().id());
		resource.put("description", dataset.description().en());
		resource.put("profile", "tabular-data-resource");
		file.ifPresentOrElse((f) -> {
			resource.put("path", this.site.url(f.path()));
			resource.put("compression", "gz");
			resource.put("bytes", f.byteSize());
			resource.put("hash", "sha256:" + f.sha256());
		}, () -> resource.put("path", this.site.url(dataset.apiPath() + "?format=csv&limit=all")));
		resource.put("format", "csv");
		resource.put("mediatype", "text/csv");
		resource.put("encoding", "utf-8");
		resource.put("dialect", Map.of("delimiter", ",", "lineTerminator", "\r\n", "quoteChar", "\"", "doubleQuote",
				true, "header", true));
		resource.put("schema", schema(dataset));
		resource.put("licenses", List.of(Map.of("name", this.licence.id(), "path", this.licence.url())));
		return Optional.of(resource);
	}

	static Map<String, Object> schema(Dataset dataset) {
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("fields", dataset.fields().stream().map(DataPackage::field).toList());
		schema.put("primaryKey", List.of(dataset.idField().name()));
		schema.put("missingValues", List.of(""));
		return schema;
	}

	private static Map<String, Object> field(Field field) {
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("name", field.name());
		node.put("type", field.type().tableSchemaType());
		String description = field.description().en() + (field.unit() == null ? "" : " Unit: " + field.unit() + ".")
				+ (field.type() == org.kotaku.portal.catalog.FieldType.STRING_LIST ? " A list, joined with ';'." : "");
		node.put("description", description);
		Map<String, Object> constraints = new LinkedHashMap<>();
		if (field.isRequired()) {
			constraints.put("required", true);
		}
		if (!field.values().isEmpty()) {
			constraints.put("enum", field.codes());
		}
		if (!constraints.isEmpty()) {
			node.put("constraints", constraints);
		}
		return node;
	}

}
