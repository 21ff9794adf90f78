package org.kotaku.portal.dataversion;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The current data version: the version of the last committed ingestion batch (0 before the first). Feature
 * and tile answers use it as their ETag and as the prefix of their cache keys, so a new batch invalidates them
 * by construction. It reads the database (an index-only lookup) until the read model holds the version.
 */
@Component
public class DataVersion {

	private static final String CURRENT = "select coalesce(max(data_version), 0) as version from ingest_batch";

	private final DatabaseClient db;

	DataVersion(DatabaseClient db) {
		this.db = db;
	}

	/** The version of the data as committed now. */
	public Mono<Long> current() {
		return this.db.sql(CURRENT).map((row) -> row.get("version", Long.class)).one();
	}

}
