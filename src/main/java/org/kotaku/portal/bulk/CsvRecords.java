package org.kotaku.portal.bulk;

import java.io.IOException;
import java.io.Reader;

/**
 * The records of an RFC 4180 CSV text, each as its raw text without the line break that
 * ends it: a record ends at a line break outside quotes, so a quoted cell may hold one.
 * Comparing two files' records as text, before any parsing, is what lets {@link Delta}
 * pass over the unchanged rows of a large dataset cheaply.
 */
final class CsvRecords {

	private final Reader in;

	private final char[] buffer = new char[1 << 16];

	private int position;

	private int length;

	private boolean quoted;

	CsvRecords(Reader in) {
		this.in = in;
	}

	/** The next record's raw text, or null at the end. */
	String next() throws IOException {
		StringBuilder record = null;
		while (true) {
			if (this.position == this.length && !fill()) {
				return record == null || record.isEmpty() ? null : record.toString();
			}
			int start = this.position;
			int end = endOfRecord(start);
			if (record == null) {
				record = new StringBuilder(Math.max(64, end - start));
			}
			record.append(this.buffer, start, end - start);
			if (end < this.length) {
				this.position = end + 1;
				return withoutCarriageReturn(record);
			}
			this.position = end;
		}
	}

	/**
	 * The index of the record's line feed in the buffer, or the buffer's end when the
	 * record goes on.
	 */
	private int endOfRecord(int from) {
		for (int i = from; i < this.length; i++) {
			char c = this.buffer[i];
			if (c == '"') {
				this.quoted = !this.quoted;
			}
			else if (c == '\n' && !this.quoted) {
				return i;
			}
		}
		return this.length;
	}

	private boolean fill() throws IOException {
		this.length = this.in.read(this.buffer);
		this.position = 0;
		if (this.length < 0) {
			this.length = 0;
			return false;
		}
		return true;
	}

	private static String withoutCarriageReturn(StringBuilder record) {
		int last = record.length() - 1;
		return last >= 0 && record.charAt(last) == '\r' ? record.substring(0, last) : record.toString();
	}

	/** The first cell of a record, unquoted. */
	static String firstCell(String record) {
		if (record.isEmpty() || record.charAt(0) != '"') {
			int comma = record.indexOf(',');
			return comma < 0 ? record : record.substring(0, comma);
		}
		StringBuilder cell = new StringBuilder();
		for (int i = 1; i < record.length(); i++) {
			char c = record.charAt(i);
			if (c == '"') {
				if (i + 1 < record.length() && record.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else {
					break;
				}
			}
			else {
				cell.append(c);
			}
		}
		return cell.toString();
	}

}
