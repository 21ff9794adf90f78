package org.kotaku.portal.ingest.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Statement;

/**
 * A statement of the portal with its values bound, never written into its text. The
 * templates name their values ({@code :batch}, {@code :version}, {@code :dataset},
 * {@code :region}, ...); each name becomes a numbered parameter ({@code $1}, {@code $2},
 * ..., one per name however often it occurs) bound to its value. A name the statement
 * uses and the values lack is a mistake of the portal, refused at once.
 *
 * @param sql the statement with numbered parameters
 * @param values the value of {@code $1}, {@code $2}, ... in order
 */
record BoundSql(String sql, List<Object> values) {

	/** {@code :name}, not the second colon of a cast ({@code ::text}). */
	private static final Pattern NAME = Pattern.compile("(?<![:\\w]):([a-z_][a-z_0-9]*)");

	/** A statement without values, sent as it is. */
	static BoundSql constant(String sql) {
		return new BoundSql(sql, List.of());
	}

	/**
	 * {@code template} with every {@code :name} it holds bound to
	 * {@code values.get(name)}.
	 */
	static BoundSql of(String template, Map<String, ?> values) {
		Matcher name = NAME.matcher(template);
		StringBuilder sql = new StringBuilder(template.length());
		List<String> names = new ArrayList<>();
		while (name.find()) {
			name.appendReplacement(sql, "\\$" + parameter(names, name.group(1), values, template));
		}
		name.appendTail(sql);
		return new BoundSql(sql.toString(), names.stream().<Object>map(values::get).toList());
	}

	/** The parameter number of {@code name}, numbered on first use. */
	private static int parameter(List<String> names, String name, Map<String, ?> values, String template) {
		if (values.get(name) == null) {
			throw new IllegalArgumentException("no value for :" + name + " in " + template);
		}
		if (!names.contains(name)) {
			names.add(name);
		}
		return names.indexOf(name) + 1;
	}

	Statement prepare(Connection connection) {
		Statement statement = connection.createStatement(this.sql);
		for (int i = 0; i < this.values.size(); i++) {
			statement.bind("$" + (i + 1), this.values.get(i));
		}
		return statement;
	}

}
