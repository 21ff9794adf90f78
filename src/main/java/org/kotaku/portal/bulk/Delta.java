package org.kotaku.portal.bulk;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.catalog.Field;

/**
 * The changes of a dataset between two versions' CSV files, as NDJSON: one line per
 * record created or changed (with its whole content) and per record deleted (its id
 * only), in id order: <pre>
 * {"change":"created","id":"ACT-1","record":{...}}
 * {"change":"changed","id":"ACT-2","record":{...}}
 * {"change":"deleted","id":"ACT-3"}
 * </pre> Both files hold their rows in the code-point order of their ids, so one pass
 * over each finds every difference with constant memory. Applied to the previous
 * version's rows, the lines give exactly the new version's rows.
 */
final class Delta {

	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

	private final Dataset dataset;

	private final JsonMapper json;

	Delta(Dataset dataset, JsonMapper json) {
		this.dataset = dataset;
		this.json = json;
	}

	/**
	 * Writes the changes from {@code previous} to {@code current} into {@code out};
	 * answers how many lines.
	 */
	long write(Path previous, Path current, GzipText out) {
		try (Reader before = GzipText.read(previous); Reader after = GzipText.read(current)) {
			CsvRecords old = new CsvRecords(before);
			CsvRecords now = new CsvRecords(after);
			boolean sameColumns = Objects.equals(old.next(), now.next());
			return merge(old, now, sameColumns, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One pass over both files' records in id order. Records are compared as raw text
	 * first (the writer is deterministic, so an unchanged record is the same text), and
	 * only those that differ are parsed.
	 */
	private long merge(CsvRecords old, CsvRecords now, boolean sameColumns, GzipText out) throws IOException {
		long lines = 0;
		String a = old.next();
		String b = now.next();
		while (a != null || b != null) {
			String oldId = a == null ? null : CsvRecords.firstCell(a);
			String newId = b == null ? null : CsvRecords.firstCell(b);
			int order = a == null ? 1 : b == null ? -1 : compareCodePoints(oldId, newId);
			if (order < 0) {
				out.write(line("deleted", oldId, null));
				a = old.next();
			}
			else if (order > 0) {
				out.write(line("created", newId, cells(b)));
				b = now.next();
			}
			else {
				if (!sameColumns || !a.equals(b)) {
					out.write(line("changed", newId, cells(b)));
				}
				else {
					lines--;
				}
				a = old.next();
				b = now.next();
			}
			lines++;
		}
		return lines;
	}

	private static String[] cells(String record) {
		try (MappingIterator<String[]> row = CSV.readerFor(String[].class).readValues(record)) {
			return row.nextValue();
		}
	}

	private String line(String change, String id, String[] cells) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("change", change);
		line.put("id", id);
		if (cells != null) {
			line.put("record", record(cells));
		}
		return this.json.writeValueAsString(line) + "\n";
	}

	/**
	 * A CSV row of the current version as the record JSON publishes, typed from the
	 * catalog.
	 */
	private Map<String, Object> record(String[] cells) {
		List<Field> fields = this.dataset.fields();
		Map<String, Object> record = new LinkedHashMap<>();
		for (int i = 0; i < fields.size(); i++) {
			record.put(fields.get(i).name(), fields.get(i).type().fromCsv(i < cells.length ? cells[i] : null));
		}
		return record;
	}

	/**
	 * Unicode code-point order: PostgreSQL's {@code collate "C"} on UTF-8 text, which the
	 * files are sorted by.
	 */
	static int compareCodePoints(String a, String b) {
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			int x = a.codePointAt(i);
			int y = b.codePointAt(j);
			if (x != y) {
				return Integer.compare(x, y);
			}
			i += Character.charCount(x);
			j += Character.charCount(y);
		}
		return Integer.compare(a.length() - i, b.length() - j);
	}

}
