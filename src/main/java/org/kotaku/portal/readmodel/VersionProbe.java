package org.kotaku.portal.readmodel;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The cheap check behind the periodic safety net: has the database a data version other than the snapshot's?
 * Emits {@code true} when a refresh is due, nothing otherwise (also when the database does not answer).
 */
@Component
class VersionProbe {

	private static final String MAX_VERSION = "select coalesce(max(data_version), 0) as version from ingest_batch";

	private final DatabaseClient db;

	VersionProbe(DatabaseClient db) {
		this.db = db;
	}

	Mono<Boolean> changed(ReadModel readModel) {
		long served = readModel.snapshot().map((s) -> s.version().version()).orElse(-1L);
		return this.db.sql(MAX_VERSION)
			.map((row) -> row.get("version", Long.class))
			.one()
			.filter((version) -> version != served || readModel.status().failing())
			.map((version) -> true)
			.onErrorResume((error) -> Mono.empty());
	}

}
