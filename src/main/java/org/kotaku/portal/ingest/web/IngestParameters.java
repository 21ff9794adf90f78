package org.kotaku.portal.ingest.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.kotaku.portal.api.Params;
import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.ingest.batch.IngestRequest;
import org.kotaku.portal.regioncode.RegionCode;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Reads the query parameters of an upload into an {@link IngestRequest}:
 * {@code mode=upsert|replace}, the scope of a replace ({@code region}, {@code year}),
 * {@code geometry=repair}, and the {@code Idempotency-Key} header. Bad values are 400
 * problems naming the parameter.
 */
final class IngestParameters {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private IngestParameters() {
	}

	static IngestRequest read(ServerRequest request, Dataset dataset, String source) {
		Params params = Params.of(request, Set.of("mode", "region", "year", "geometry"));
		IngestRequest.Mode mode = params.choice("mode", IngestRequest.Mode.class).orElse(IngestRequest.Mode.UPSERT);
		IngestRequest.Scope scope = scope(params);
		if (mode == IngestRequest.Mode.REPLACE && scope == null) {
			throw PortalException.invalidParameter("mode",
					"mode=replace needs a scope: region (a region code) and/or year, e.g. ?mode=replace&region=64.71&year=2021.");
		}
		if (mode == IngestRequest.Mode.UPSERT && scope != null) {
			throw PortalException.invalidParameter("region", "region and year declare the scope of mode=replace only.");
		}
		// PostgreSQL keeps microseconds: the stored batch record then reads exactly like
		// the first answer
		Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		IngestRequest ingest = new IngestRequest(dataset, source, mode, scope, idempotencyKey(request), false, false,
				receivedAt);
		boolean repair = params.choice("geometry", Set.of("strict", "repair")).filter("repair"::equals).isPresent();
		return repair ? ingest.withRepairedGeometries() : ingest;
	}

	private static IngestRequest.Scope scope(Params params) {
		String region = params.region("region").map(RegionCode::dotted).orElse(null);
		Integer year = params.integer("year", 2010, 2100).map(Long::intValue).orElse(null);
		return (region == null && year == null) ? null : new IngestRequest.Scope(region, year);
	}

	private static String idempotencyKey(ServerRequest request) {
		String key = request.headers().firstHeader(IDEMPOTENCY_KEY);
		if (key != null && (key.isBlank() || key.length() > 200)) {
			throw PortalException.invalidParameter(IDEMPOTENCY_KEY, "Idempotency-Key must be 1 to 200 characters.");
		}
		return key;
	}

}
