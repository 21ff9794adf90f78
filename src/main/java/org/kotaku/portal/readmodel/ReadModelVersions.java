package org.kotaku.portal.readmodel;

import reactor.core.publisher.Mono;

import org.kotaku.portal.api.DataVersion;
import org.kotaku.portal.api.DataVersions;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The current data version as the read model holds it: no database round trip per request, and still answered
 * while the database is down. Before the first snapshot it asks the change log ({@code fallback}).
 */
@Component
@Primary
class ReadModelVersions implements DataVersions {

	private final ReadModel readModel;

	private final DataVersions fallback;

	ReadModelVersions(ReadModel readModel, @Qualifier("ingestBatchVersions") DataVersions fallback) {
		this.readModel = readModel;
		this.fallback = fallback;
	}

	@Override
	public Mono<DataVersion> current() {
		return this.readModel.snapshot().map((snapshot) -> Mono.just(snapshot.version())).orElseGet(this.fallback::current);
	}

}
