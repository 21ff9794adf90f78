package org.kotaku.portal.ingest.pipeline;

import org.kotaku.portal.ingest.dataset.DatasetSpec;
import org.kotaku.portal.ingest.validation.RowError;
import org.kotaku.portal.ingest.validation.RowReader;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates uploaded rows one by one and turns the valid ones into COPY lines for the
 * staging table, while counting rows, keeping the first problems and a SHA-256 over the
 * staged content. Not thread-safe: one batch is one sequential stream.
 */
final class StagedRows {

	static final int MAX_REPORTED_ERRORS = 100;

	/** The field that says what to do with a row: upsert (the default) or delete. */
	static final String OP = "op";

	private static final Set<String> OPERATION = Set.of(OP);

	private final DatasetSpec spec;

	private final List<RowError> errors = new ArrayList<>();

	private final MessageDigest digest;

	private long rows;

	private long deletes;

	private long totalErrors;

	private String checksum;

	StagedRows(DatasetSpec spec) {
		this.spec = spec;
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The COPY lines (UTF-8) of consecutive rows, numbered on from the previous chunk;
	 * invalid rows are recorded instead, and once the batch has an error nothing more is
	 * staged (every row is still validated).
	 */
	byte[] stage(List<Map<String, Object>> chunk) {
		StringBuilder out = new StringBuilder(chunk.size() * 320);
		for (Map<String, Object> values : chunk) {
			stage(values, out);
		}
		byte[] lines = out.toString().getBytes(StandardCharsets.UTF_8);
		this.digest.update(lines);
		return lines;
	}

	private void stage(Map<String, Object> values, StringBuilder out) {
		long rowNumber = ++this.rows;
		RowReader row = new RowReader(rowNumber, values);
		String op = operation(row);
		Object[] staged = (op == null) ? null : (op.equals("delete") ? this.spec.readKey(row) : this.spec.read(row));
		if (staged != null && row.valid() && op.equals("upsert")) {
			row.rejectUnread(OPERATION);
		}
		if (staged == null || !row.valid()) {
			addErrors(row.errors());
			return;
		}
		if (this.totalErrors > 0) {
			return; // the batch is lost anyway: keep validating, stop staging
		}
		if (op.equals("delete")) {
			this.deletes++;
		}
		Object[] line = new Object[staged.length + 3];
		line[0] = rowNumber;
		line[1] = op;
		line[2] = this.spec.recordId(staged);
		System.arraycopy(staged, 0, line, 3, staged.length);
		CopyText.appendLine(out, line);
	}

	private static String operation(RowReader row) {
		Object op = row.raw(OP);
		if (op == null || "".equals(op) || "upsert".equals(op)) {
			return "upsert";
		}
		if ("delete".equals(op)) {
			return "delete";
		}
		row.reject(OP, op, "must be upsert or delete");
		return null;
	}

	void addErrors(List<RowError> rowErrors) {
		this.totalErrors += rowErrors.size();
		for (RowError error : rowErrors) {
			if (this.errors.size() < MAX_REPORTED_ERRORS) {
				this.errors.add(error);
			}
		}
	}

	void addErrors(List<RowError> firstErrors, long total) {
		addErrors(firstErrors);
		this.totalErrors += total - firstErrors.size();
	}

	long rows() {
		return this.rows;
	}

	/** How many staged rows are deletions. */
	long deletes() {
		return this.deletes;
	}

	boolean hasErrors() {
		return this.totalErrors > 0;
	}

	IngestValidationException failure() {
		List<RowError> sorted = new ArrayList<>(this.errors);
		sorted.sort(java.util.Comparator.comparingLong(RowError::row));
		return new IngestValidationException(this.spec.dataset(), sorted, this.totalErrors, this.rows);
	}

	/** SHA-256 over the staged content; final once the stream has ended. */
	String checksum() {
		if (this.checksum == null) {
			this.checksum = HexFormat.of().formatHex(this.digest.digest());
		}
		return this.checksum;
	}

}
