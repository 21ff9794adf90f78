package org.kotaku.portal.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;

/**
 * A SQL statement kept in a resource file of its own ({@code sql/<feature>/<name>.sql},
 * one statement per file), read once when its repository is made; a missing file fails
 * the start.
 */
public final class SqlFile {

	private SqlFile() {
	}

	/**
	 * The text of the statement at {@code path} on the class path, e.g.
	 * {@code sql/changes/records-since.sql}.
	 */
	public static String read(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("missing SQL file " + path, ex);
		}
	}

}
