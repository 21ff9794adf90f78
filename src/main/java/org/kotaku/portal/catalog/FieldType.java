package org.kotaku.portal.catalog;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * How a published value is typed: money is whole rupiah (an integer, never a decimal),
 * decimals are exact ({@code BigDecimal}), dates ISO 8601, lists of codes are JSON arrays
 * (joined with {@code ;} in CSV). Each type names its JSON Schema and Frictionless Table
 * Schema type.
 */
public enum FieldType {

	STRING("string", "string"), INTEGER("integer", "integer"), MONEY("integer", "integer"), DECIMAL("number", "number"),
	DATE("string", "date"), BOOLEAN("boolean", "boolean"), STRING_LIST("array", "string");

	private final String jsonType;

	private final String tableSchemaType;

	FieldType(String jsonType, String tableSchemaType) {
		this.jsonType = jsonType;
		this.tableSchemaType = tableSchemaType;
	}

	/** The JSON Schema {@code type} of a value (OpenAPI, OGC queryables). */
	public String jsonType() {
		return this.jsonType;
	}

	/**
	 * The Frictionless Table Schema {@code type} of a CSV cell (lists are
	 * {@code ;}-joined strings there).
	 */
	public String tableSchemaType() {
		return this.tableSchemaType;
	}

	/**
	 * The database driver's value as published: integers as {@code Long}, lists as
	 * {@code List<String>}.
	 */
	public Object normalise(Object value) {
		if (value == null) {
			return null;
		}
		return switch (this) {
			case INTEGER, MONEY -> ((Number) value).longValue();
			case DECIMAL -> value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
			case STRING_LIST -> List.copyOf(Arrays.asList((String[]) value));
			default -> value;
		};
	}

	/** The separator of a list's items in a CSV cell or a GeoPackage column. */
	public static final char LIST_SEPARATOR = ';';

	/**
	 * A list as one text cell: its items joined with {@link #LIST_SEPARATOR} (what
	 * {@link #fromCsv} splits).
	 */
	public static String listText(List<?> items) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < items.size(); i++) {
			if (i > 0) {
				text.append(LIST_SEPARATOR);
			}
			text.append(items.get(i));
		}
		return text.toString();
	}

	/**
	 * A CSV cell of the portal's files back as the value JSON publishes: an empty cell is
	 * null (the files' only missing value), numbers and booleans typed, dates as ISO
	 * text, lists split at {@code ;}, text without the apostrophe that guards it against
	 * spreadsheet formulas ({@link CsvCell}).
	 */
	public Object fromCsv(String cell) {
		if (cell == null || cell.isEmpty()) {
			return null;
		}
		return switch (this) {
			case BOOLEAN -> Boolean.parseBoolean(cell);
			case STRING_LIST -> List.of(CsvCell.unguarded(cell).split(String.valueOf(LIST_SEPARATOR), -1));
			case STRING -> CsvCell.unguarded(cell);
			case DATE -> cell;
			default -> parse(cell);
		};
	}

	/**
	 * Parses a value written by {@link #normalise} back (keyset cursors); throws on
	 * malformed text.
	 */
	public Object parse(String text) {
		return switch (this) {
			case INTEGER, MONEY -> Long.parseLong(text);
			case DECIMAL -> new BigDecimal(text);
			default -> text;
		};
	}

}
