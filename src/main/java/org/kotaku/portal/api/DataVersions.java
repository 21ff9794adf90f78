package org.kotaku.portal.api;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Where the current {@link DataVersion} comes from. Reading it must be cheap: it is asked for on every public
 * request (for the ETag) before any handler runs.
 */
public interface DataVersions {

	Mono<DataVersion> current();

	/**
	 * When each of {@code versions} was committed, by version; a version this database never committed is
	 * missing. What tells files kept on disk for a version from those of another database's same number.
	 */
	Mono<Map<Long, Instant>> committedAt(Collection<Long> versions);

	/** Just the number of the current version (cache keys, tile URLs). */
	default Mono<Long> currentNumber() {
		return current().map(DataVersion::version);
	}

	/** The version already read for this request by the HTTP conventions filter, or the current one. */
	default Mono<DataVersion> of(ServerRequest request) {
		return request.attribute(DataVersion.ATTRIBUTE)
			.map(DataVersion.class::cast)
			.map(Mono::just)
			.orElseGet(this::current);
	}

}
