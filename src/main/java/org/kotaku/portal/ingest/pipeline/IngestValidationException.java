package org.kotaku.portal.ingest.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.api.ProblemType;
import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.ingest.validation.RowError;

/**
 * A batch was refused because rows are invalid; nothing was written. Carries the first
 * problems (capped) and how many there are in all: a 422 {@code invalid-rows} problem
 * listing them.
 */
public class IngestValidationException extends PortalException {

	private final Dataset dataset;

	private final List<RowError> errors;

	private final long totalErrors;

	private final long rowsReceived;

	public IngestValidationException(Dataset dataset, List<RowError> errors, long totalErrors, long rowsReceived) {
		super(ProblemType.INVALID_ROWS,
				totalErrors + " problem(s) in " + rowsReceived + " row(s); nothing was " + "written. The first "
						+ errors.size() + " are listed in errors.",
				members(dataset, errors, totalErrors, rowsReceived), null);
		this.dataset = dataset;
		this.errors = List.copyOf(errors);
		this.totalErrors = totalErrors;
		this.rowsReceived = rowsReceived;
	}

	/** The problem's extension members: the dataset, the counts and the listed errors. */
	private static Map<String, Object> members(Dataset dataset, List<RowError> errors, long totalErrors,
			long rowsReceived) {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("dataset", dataset.publicName());
		members.put("rowsReceived", rowsReceived);
		members.put("errorCount", totalErrors);
		members.put("errors", errors.stream().map(IngestValidationException::member).toList());
		return members;
	}

	private static Map<String, Object> member(RowError error) {
		Map<String, Object> member = new LinkedHashMap<>();
		member.put("row", error.row());
		member.put("field", error.field());
		member.put("value", error.value());
		member.put("message", error.message());
		return member;
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
