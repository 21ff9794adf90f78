package org.kotaku.portal.ingest.pipeline;

/**
 * Writes values in PostgreSQL's COPY text format: tab-separated, {@code \N} for null,
 * escaped specials.
 */
final class CopyText {

	private CopyText() {
	}

	static void appendLine(StringBuilder out, Object[] values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append('\t');
			}
			appendValue(out, values[i]);
		}
		out.append('\n');
	}

	private static void appendValue(StringBuilder out, Object value) {
		if (value == null) {
			out.append("\\N");
		}
		else if (value instanceof java.util.List<?> list) {
			StringBuilder array = new StringBuilder("{");
			for (int i = 0; i < list.size(); i++) {
				array.append(i > 0 ? "," : "").append('"').append(list.get(i)).append('"');
			}
			appendEscaped(out, array.append('}').toString());
		}
		else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
			out.append(((Number) value).longValue());
		}
		else if (value instanceof java.math.BigDecimal decimal) {
			out.append(decimal.toPlainString());
		}
		else {
			appendEscaped(out, value.toString());
		}
	}

	private static void appendEscaped(StringBuilder out, String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(c);
			}
		}
	}

}
