package org.kotaku.portal.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * One cell of every CSV the portal writes (list API, figures, bulk files), RFC 4180:
 * quoted when it holds a comma, a quote or a line break, quotes doubled. A text value
 * that a spreadsheet would run as a formula, one that starts with {@code = + - @}, a tab
 * or a carriage return, gets a leading apostrophe (OWASP's CSV injection advice, the rule
 * of the site's own CSV); so does a text that already starts with an apostrophe, so that
 * {@link #unguarded} gives every value back exactly. Numbers are never altered:
 * {@code -1.25} stays a number.
 */
public final class CsvCell {

	private CsvCell() {
	}

	/**
	 * The cell of a value: empty for null, numbers and booleans as they are, lists
	 * joined, text guarded.
	 */
	public static String of(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		return text(value instanceof List<?> list ? FieldType.listText(list) : value.toString());
	}

	/** A text cell: guarded against formulas, then quoted as needed. */
	public static String text(String text) {
		return quoted(startsAsFormula(text) ? "'" + text : text);
	}

	/**
	 * A header or other cell the portal itself names (no guard needed), quoted as needed.
	 */
	public static String quoted(String text) {
		if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
			return text;
		}
		return '"' + text.replace("\"", "\"\"") + '"';
	}

	/** A text cell as read by a CSV parser, back to the value it was written from. */
	public static String unguarded(String cell) {
		return cell.length() > 1 && cell.charAt(0) == '\'' && startsAsFormula(cell.substring(1)) ? cell.substring(1)
				: cell;
	}

	private static boolean startsAsFormula(String text) {
		if (text.isEmpty()) {
			return false;
		}
		char first = text.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				|| first == '\'';
	}

}
