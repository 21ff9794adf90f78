package org.kotaku.portal.ingest.pipeline;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.kotaku.portal.ingest.batch.IngestRequest;
import org.kotaku.portal.ingest.dataset.DatasetSpec;
import org.kotaku.portal.ingest.validation.Json;

/**
 * One batch under way: its connection, its dataset's spec, its request, the statements
 * that merge it and its staged rows, and the values its statements bind (the scope of a
 * replace batch; once the batch is recorded, its id, data version and dataset).
 */
public final class Batch {

	private final BatchConnection db;

	private final DatasetSpec spec;

	private final IngestRequest request;

	private final MergeSql sql;

	private final StagedRows staged;

	public Batch(BatchConnection db, DatasetSpec spec, IngestRequest request) {
		this.db = db;
		this.spec = spec;
		this.request = request;
		this.sql = new MergeSql(spec);
		this.staged = new StagedRows(spec);
	}

	BatchConnection db() {
		return this.db;
	}

	DatasetSpec spec() {
		return this.spec;
	}

	IngestRequest request() {
		return this.request;
	}

	MergeSql sql() {
		return this.sql;
	}

	StagedRows staged() {
		return this.staged;
	}

	boolean replace() {
		return this.request.mode() == IngestRequest.Mode.REPLACE;
	}

	boolean byRegion() {
		return this.request.scope() != null && this.request.scope().region() != null
				&& this.spec.scopeColumns().regionColumn() != null;
	}

	boolean byYear() {
		return this.request.scope() != null && this.request.scope().year() != null
				&& this.spec.scopeColumns().yearColumn() != null;
	}

	/**
	 * The scope as recorded with the batch ({@code {"region": ..., "year": ...}}), null
	 * without one.
	 */
	String scopeJson() {
		IngestRequest.Scope scope = this.request.scope();
		return scope == null ? null : Json.write(
				new TreeMap<>(Map.of("region", String.valueOf(scope.region()), "year", String.valueOf(scope.year()))));
	}

	/**
	 * {@code template} with the scope's {@code :region} and {@code :year} bound, and
	 * {@code more}.
	 */
	BoundSql bind(String template, Map<String, ?> more) {
		Map<String, Object> values = new HashMap<>(more);
		if (byRegion()) {
			values.put("region", this.request.scope().region());
		}
		if (byYear()) {
			values.put("year", this.request.scope().year().shortValue());
		}
		return BoundSql.of(template, values);
	}

	/**
	 * {@code template} with the recorded batch's {@code :batch}, {@code :version} and
	 * {@code :dataset} bound too.
	 */
	BoundSql bind(String template, OpenedBatch opened) {
		return bind(template,
				Map.of("batch", opened.id(), "version", opened.version(), "dataset", this.spec.dataset().publicName()));
	}

}
