package org.kotaku.portal.listing;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * One published field of a listing: its public name (the same in JSON, CSV and GeoJSON, and in
 * docs/data-dictionary.md), the SQL expression that reads it, and its kind.
 */
public record Column(String name, String sql, Kind kind) {

	/** How a value is read and written: money is whole rupiah, dates ISO 8601, lists semicolon-joined in CSV. */
	public enum Kind {

		TEXT, INTEGER, MONEY, DECIMAL, DATE, TEXT_LIST

	}

	public static Column text(String name, String sql) {
		return new Column(name, sql, Kind.TEXT);
	}

	public static Column integer(String name, String sql) {
		return new Column(name, sql, Kind.INTEGER);
	}

	public static Column money(String name, String sql) {
		return new Column(name, sql, Kind.MONEY);
	}

	public static Column decimal(String name, String sql) {
		return new Column(name, sql, Kind.DECIMAL);
	}

	public static Column date(String name, String sql) {
		return new Column(name, sql, Kind.DATE);
	}

	public static Column textList(String name, String sql) {
		return new Column(name, sql, Kind.TEXT_LIST);
	}

	/** The driver's value as published: integers as {@code Long}, lists as {@code List<String>}. */
	Object normalise(Object value) {
		if (value == null) {
			return null;
		}
		return switch (this.kind) {
			case INTEGER, MONEY -> ((Number) value).longValue();
			case DECIMAL -> value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
			case TEXT_LIST -> List.copyOf(Arrays.asList((String[]) value));
			default -> value;
		};
	}

	/** Parses a value written by {@link #normalise} back, for keyset cursors; throws on malformed text. */
	Object parse(String text) {
		return switch (this.kind) {
			case INTEGER, MONEY -> Long.parseLong(text);
			case DECIMAL -> new BigDecimal(text);
			default -> text;
		};
	}

}
