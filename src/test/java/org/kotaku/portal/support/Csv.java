package org.kotaku.portal.support;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader for test assertions: CRLF records, quoted fields with doubled
 * quotes.
 */
public final class Csv {

	private Csv() {
	}

	public static List<List<String>> parse(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				record.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
				record.add(field.toString());
				field.setLength(0);
				records.add(record);
				record = new ArrayList<>();
				i++;
			}
			else {
				field.append(c);
			}
		}
		if (!record.isEmpty() || field.length() > 0) {
			throw new IllegalArgumentException("the last record does not end with CRLF");
		}
		return records;
	}

}
