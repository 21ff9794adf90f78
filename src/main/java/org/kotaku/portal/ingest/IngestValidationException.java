package org.kotaku.portal.ingest;

import java.util.List;

/**
 * A batch was refused because rows are invalid; nothing was written. Carries the first problems (capped) and
 * how many there are in all.
 */
public class IngestValidationException extends RuntimeException {

	private final Dataset dataset;

	private final List<RowError> errors;

	private final long totalErrors;

	private final long rowsReceived;

	public IngestValidationException(Dataset dataset, List<RowError> errors, long totalErrors, long rowsReceived) {
		super(totalErrors + " invalid row field(s) in " + dataset.publicName() + " batch of " + rowsReceived
				+ " rows, first: " + errors.stream().limit(3).toList());
		this.dataset = dataset;
		this.errors = List.copyOf(errors);
		this.totalErrors = totalErrors;
		this.rowsReceived = rowsReceived;
	}

	public Dataset dataset() {
		return this.dataset;
	}

	public List<RowError> errors() {
		return this.errors;
	}

	public long totalErrors() {
		return this.totalErrors;
	}

	public long rowsReceived() {
		return this.rowsReceived;
	}

}
