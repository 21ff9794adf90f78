package org.kotaku.portal.readmodel;

import reactor.core.publisher.Mono;

import org.kotaku.portal.api.PrimaryDatabase;
import org.kotaku.portal.dataversion.DataVersion;
import org.kotaku.portal.dataversion.DataVersions;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Asks the primary for its current data version ({@link DataVersions#on}): the cheap
 * check behind the periodic safety net, and (with public reads on a replica) the version
 * a refresh waits for the replica to reach ({@link ReplicaCatchUp}).
 */
@Component
class VersionProbe {

	private final DataVersions versions;

	private final DatabaseClient primary;

	VersionProbe(DataVersions versions, PrimaryDatabase primary) {
		this.versions = versions;
		this.primary = primary.db();
	}

	/**
	 * The newest committed data version on the primary; empty when it does not answer.
	 */
	Mono<Long> newest() {
		return this.versions.on(this.primary).map(DataVersion::version).onErrorResume((error) -> Mono.empty());
	}

	/**
	 * Has the primary a data version other than the snapshot's? Emits {@code true} when a
	 * refresh is due, nothing otherwise (also when the database does not answer).
	 */
	Mono<Boolean> changed(ReadModel readModel) {
		long served = readModel.servedVersion();
		return newest().filter((version) -> version != served || readModel.status().failing()).map((version) -> true);
	}

}
