package org.kotaku.portal.opendata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;

import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.catalog.Field;
import org.kotaku.portal.catalog.FieldType;
import org.kotaku.portal.ogc.OgcCollections;

/**
 * {@code docs/data-dictionary.md}, generated from the {@link Catalog}: the conventions
 * and envelope (a fixed preamble), one section per dataset with a table of its fields in
 * both languages and its vocabularies, and the explanation of a slum area's level (a
 * fixed appendix). A test keeps the file equal to {@link #markdown()}.
 */
public final class DataDictionary {

	private DataDictionary() {
	}

	public static String markdown() {
		StringBuilder md = new StringBuilder(resource("opendata/data-dictionary-preamble.md"));
		for (Dataset dataset : Catalog.all()) {
			md.append('\n').append(section(dataset));
		}
		return md.append('\n').append(resource("opendata/data-dictionary-appendix.md")).toString();
	}

	static String section(Dataset dataset) {
		StringBuilder md = new StringBuilder();
		md.append("## ")
			.append(dataset.title().en())
			.append(" / ")
			.append(dataset.title().id())
			.append(" (`")
			.append(dataset.id())
			.append("`)\n\n");
		md.append(dataset.description().en()).append("\n\n*").append(dataset.description().id()).append("*\n\n");
		md.append("API: `").append(dataset.apiPath()).append('`');
		List<String> collections = OgcCollections.of(dataset);
		if (!collections.isEmpty()) {
			md.append(" · OGC API - Features: ")
				.append(collections.stream()
					.map((c) -> "`/ogc/collections/" + c + "`")
					.collect(Collectors.joining(", ")));
		}
		md.append(" · ").append(dataset.hasGeometry() ? "with geometry (GeoJSON)" : "no geometry").append("\n\n");
		md.append("| field | type | unit | required | filter / sort | meaning | keterangan |\n");
		md.append("|---|---|---|---|---|---|---|\n");
		for (Field field : dataset.fields()) {
			md.append(row(field));
		}
		md.append(vocabularies(dataset));
		return md.toString();
	}

	private static String row(Field field) {
		String flags = (field.isQueryable() ? "filter" : "") + (field.isQueryable() && field.isSortable() ? ", " : "")
				+ (field.isSortable() ? "sort" : "");
		return "| `%s` | %s | %s | %s | %s | %s | %s |\n".formatted(field.name(), type(field),
				(field.unit() == null) ? "" : field.unit(), field.isRequired() ? "yes" : "no", flags,
				field.description().en(), field.description().id());
	}

	private static String type(Field field) {
		return switch (field.type()) {
			case MONEY -> "integer (rupiah)";
			case DATE -> "date";
			case STRING_LIST -> "list of strings";
			default -> field.type().jsonType();
		};
	}

	private static String vocabularies(Dataset dataset) {
		StringBuilder md = new StringBuilder();
		for (Field field : dataset.fields()) {
			if (!field.values().isEmpty()) {
				md.append("\n`")
					.append(field.name())
					.append("`: ")
					.append(field.values()
						.stream()
						.map((t) -> "`" + t.code() + "` (" + t.label().en() + " / " + t.label().id() + ")")
						.collect(Collectors.joining(", ")))
					.append(".\n");
			}
			if (field.type() == FieldType.STRING_LIST) {
				md.append("\nIn CSV, `").append(field.name()).append("` is one field with its values joined by `;`.\n");
			}
		}
		return md.toString();
	}

	private static String resource(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
