package org.kotaku.portal.figures;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.kotaku.portal.catalog.CsvCell;
import org.kotaku.portal.httpcache.Rendered;

/**
 * RFC 4180 CSV (UTF-8, CRLF line ends, a header row of the documented field names; cells:
 * {@link CsvCell}).
 */
final class Csv {

	static final String CONTENT_TYPE = "text/csv;charset=UTF-8;header=present";

	private Csv() {
	}

	static Rendered render(List<String> header, List<List<Object>> rows) {
		StringBuilder csv = new StringBuilder();
		line(csv, header.stream().map(Object.class::cast).toList());
		rows.forEach((row) -> line(csv, row));
		return new Rendered(CONTENT_TYPE, csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static void line(StringBuilder csv, List<Object> values) {
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(CsvCell.of(values.get(i)));
		}
		csv.append("\r\n");
	}

}
