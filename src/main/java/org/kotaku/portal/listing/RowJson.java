package org.kotaku.portal.listing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * A row's values as a JSON object, written straight into text: the same characters as the
 * portal's {@link JsonMapper} writes (strings escaped by Jackson's own encoder, numbers
 * as Jackson writes them), without a serializer lookup per value. Rows are what every
 * listing and bulk file writes a million times; a value of a type the catalog does not
 * produce (a date object, say) is written by the mapper itself.
 */
final class RowJson {

	private final JsonMapper json;

	private final boolean plainDecimals;

	RowJson(JsonMapper json) {
		this.json = json;
		this.plainDecimals = json.isEnabled(tools.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
	}

	/** The values as a JSON object, in their order. */
	String object(Map<String, Object> values) {
		StringBuilder out = new StringBuilder(32 * values.size());
		appendObject(out, values);
		return out.toString();
	}

	void appendObject(StringBuilder out, Map<String, Object> values) {
		out.append('{');
		boolean first = true;
		for (Map.Entry<String, Object> entry : values.entrySet()) {
			if (!first) {
				out.append(',');
			}
			appendString(out, entry.getKey());
			out.append(':');
			appendValue(out, entry.getValue());
			first = false;
		}
		out.append('}');
	}

	private void appendValue(StringBuilder out, Object value) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String text) {
			appendString(out, text);
		}
		else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
			out.append(value);
		}
		else if (value instanceof BigDecimal decimal) {
			out.append(this.plainDecimals ? decimal.toPlainString() : decimal.toString());
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				appendValue(out, list.get(i));
			}
			out.append(']');
		}
		else {
			out.append(this.json.writeValueAsString(value));
		}
	}

	/**
	 * A JSON string: as is where nothing needs escaping (most values), else escaped by
	 * Jackson's encoder.
	 */
	static void appendString(StringBuilder out, String text) {
		out.append('"');
		if (needsEscaping(text)) {
			JsonStringEncoder.getInstance().quoteAsString(text, out);
		}
		else {
			out.append(text);
		}
		out.append('"');
	}

	private static boolean needsEscaping(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			// the rare characters at U+2028 and above tested last: most text is ASCII (a
			// hot loop of the bulk files)
			if (c < 0x20 || c == '"' || c == '\\' || c >= '\u2028' && (c <= '\u2029' || Character.isSurrogate(c))) {
				return true;
			}
		}
		return false;
	}

}
