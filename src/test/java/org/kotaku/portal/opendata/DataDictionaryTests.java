package org.kotaku.portal.opendata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.catalog.Field;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/data-dictionary.md} is exactly what the catalog generates: edit the
 * catalog, then run {@code make data-dictionary} (this test with
 * {@code -Ddictionary.write=true}), never the file by hand.
 */
class DataDictionaryTests {

	static final Path FILE = Path.of("docs", "data-dictionary.md");

	@Test
	void theCommittedFileIsTheGeneratedOne() throws IOException {
		String generated = DataDictionary.markdown();
		if (Boolean.getBoolean("dictionary.write")) {
			Files.writeString(FILE, generated, StandardCharsets.UTF_8);
		}
		assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
			.as("docs/data-dictionary.md is out of date: run make data-dictionary")
			.isEqualTo(generated);
	}

	@Test
	void everyFieldOfEveryDatasetIsInItsSectionInBothLanguages() {
		for (Dataset dataset : Catalog.all()) {
			String section = DataDictionary.section(dataset);
			for (Field field : dataset.fields()) {
				assertThat(section).as(dataset.id() + "." + field.name())
					.contains("| `" + field.name() + "` |")
					.contains(field.description().en())
					.contains(field.description().id());
			}
		}
	}

}
