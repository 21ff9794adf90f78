package org.kotaku.portal.readmodel;

import reactor.core.publisher.Mono;

import org.kotaku.portal.api.PrimaryDatabase;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Asks the primary for its newest data version: the cheap check behind the periodic safety net, and (with public
 * reads on a replica) the version a refresh waits for the replica to reach ({@link ReplicaCatchUp}).
 */
@Component
class VersionProbe {

	private static final String MAX_VERSION = "select coalesce(max(data_version), 0) as version from ingest_batch";

	private final DatabaseClient db;

	VersionProbe(PrimaryDatabase primary) {
		this.db = primary.db();
	}

	/** The newest committed data version on the primary; empty when it does not answer. */
	Mono<Long> newest() {
		return this.db.sql(MAX_VERSION)
			.map((row) -> row.get("version", Long.class))
			.one()
			.onErrorResume((error) -> Mono.empty());
	}

	/**
	 * Has the primary a data version other than the snapshot's? Emits {@code true} when a refresh is due, nothing
	 * otherwise (also when the database does not answer).
	 */
	Mono<Boolean> changed(ReadModel readModel) {
		long served = readModel.snapshot().map((s) -> s.version().version()).orElse(-1L);
		return newest().filter((version) -> version != served || readModel.status().failing()).map((version) -> true);
	}

}
