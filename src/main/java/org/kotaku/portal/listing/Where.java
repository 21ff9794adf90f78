package org.kotaku.portal.listing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filter of a listing: SQL conditions written by the feature (with named parameters)
 * and the values bound to them. Values are always bound, never written into the SQL.
 */
public final class Where {

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> binds = new LinkedHashMap<>();

	/**
	 * Adds a condition with no parameter, or whose parameters are added with
	 * {@link #bind}.
	 */
	public Where and(String condition) {
		this.conditions.add(condition);
		return this;
	}

	/** Adds a condition with one named parameter. */
	public Where and(String condition, String parameter, Object value) {
		this.conditions.add(condition);
		return bind(parameter, value);
	}

	public Where bind(String parameter, Object value) {
		this.binds.put(parameter, value);
		return this;
	}

	/**
	 * {@code column = :p} for one value, {@code column in (:p0, :p1, ...)} for several.
	 */
	public Where anyOf(String column, String parameter, List<?> values) {
		if (values.size() == 1) {
			return and(column + " = :" + parameter, parameter, values.get(0));
		}
		List<String> names = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			names.add(":" + parameter + i);
			bind(parameter + i, values.get(i));
		}
		return and(column + " in (" + String.join(", ", names) + ")");
	}

	/**
	 * An ILIKE pattern for "contains {@code text}", with the pattern characters of the
	 * text escaped.
	 */
	public static String contains(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	String sql() {
		return this.conditions.isEmpty() ? "true" : String.join("\n  and ", this.conditions);
	}

	Map<String, Object> binds() {
		return this.binds;
	}

	Where copy() {
		Where copy = new Where();
		copy.conditions.addAll(this.conditions);
		copy.binds.putAll(this.binds);
		return copy;
	}

}
