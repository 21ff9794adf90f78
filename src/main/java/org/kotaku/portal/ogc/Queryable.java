package org.kotaku.portal.ogc;

import java.util.List;

/**
 * A property of a collection that {@code /items} filters on by exact value
 * ({@code ?type=drainage}): its public name, the SQL expression it compares (a constant
 * of the catalog, never request text), its JSON type and, for closed vocabularies, the
 * allowed values.
 */
record Queryable(String name, String title, String expression, Kind kind, List<String> values) {

	enum Kind {

		STRING("string"), INTEGER("integer");

		final String jsonType;

		Kind(String jsonType) {
			this.jsonType = jsonType;
		}

	}

	/** The typed value of a request parameter, or an invalid-parameter problem. */
	Object parse(String text) {
		if (this.kind == Kind.INTEGER) {
			try {
				return Integer.valueOf(text.strip());
			}
			catch (NumberFormatException ex) {
				throw OgcProblems.invalidParameter(this.name, this.name + " must be an integer, got '" + text + "'.");
			}
		}
		if (!this.values.isEmpty() && !this.values.contains(text)) {
			throw OgcProblems.invalidParameter(this.name,
					this.name + " must be one of " + String.join(", ", this.values) + "; got '" + text + "'.");
		}
		return text;
	}

}
