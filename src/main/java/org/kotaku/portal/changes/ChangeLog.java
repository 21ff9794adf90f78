package org.kotaku.portal.changes;

import reactor.core.publisher.Flux;

import org.kotaku.portal.api.SqlFile;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the record-level change log: canonical rows by their versions, deletions from the
 * tombstones.
 */
@Repository
class ChangeLog {

	private final DatabaseClient db;

	private final String recordsSince;

	ChangeLog(DatabaseClient db) {
		this.db = db;
		this.recordsSince = SqlFile.read("sql/changes/records-since.sql");
	}

	/**
	 * Up to {@code limit} record changes after version {@code since}, in version order,
	 * after the cursor.
	 */
	Flux<RecordChange> recordsSince(long since, RecordCursor after, int limit) {
		return this.db.sql(this.recordsSince)
			.bind("since", since)
			.bind("after_version", after.version())
			.bind("after_dataset", after.dataset())
			.bind("after_id", after.id())
			.bind("limit", limit)
			.map((row) -> new RecordChange(row.get("dataset", String.class), row.get("record_id", String.class),
					row.get("change", String.class), row.get("version", Long.class)))
			.all();
	}

}
