package org.kotaku.portal.listing;

import java.util.Map;
import java.util.stream.Collectors;

import org.kotaku.portal.catalog.CsvCell;

/**
 * CSV (RFC 4180): UTF-8, CRLF line ends, a header row of the published field names,
 * fields quoted when they hold a comma, a quote or a line break (quotes doubled), text
 * guarded against spreadsheet formulas ({@link CsvCell}). Money is whole rupiah, dates
 * ISO 8601, lists joined with {@code ;}. With {@code bom} the text starts with a UTF-8
 * byte order mark, which Excel needs to read UTF-8.
 */
final class CsvRowWriter implements RowWriter {

	private static final String BOM = "\uFEFF";

	private static final String CRLF = "\r\n";

	@Override
	public String head(Envelope envelope) {
		String header = envelope.columns().stream().map(CsvCell::quoted).collect(Collectors.joining(","));
		return (envelope.bom() ? BOM : "") + header + CRLF;
	}

	@Override
	public String row(Row row, boolean first) {
		StringBuilder line = new StringBuilder(256);
		boolean firstCell = true;
		for (Object value : row.values().values()) {
			if (!firstCell) {
				line.append(',');
			}
			line.append(CsvCell.of(value));
			firstCell = false;
		}
		return line.append(CRLF).toString();
	}

	@Override
	public String tail(Envelope envelope) {
		return "";
	}

	@Override
	public String item(Envelope envelope, Row row, Map<String, Object> extra) {
		return head(envelope) + row(row, true);
	}

}
