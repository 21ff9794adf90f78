package org.kotaku.portal.ingest.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.ingest.Dataset;
import org.kotaku.portal.ingest.IngestRequest;
import org.kotaku.portal.region.RegionCode;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Reads the query parameters of an upload into an {@link IngestRequest}: {@code mode=upsert|replace}, the
 * scope of a replace ({@code region}, {@code year}), {@code geometry=repair}, and the {@code Idempotency-Key}
 * header. Bad values are 400 problems naming the parameter.
 */
final class IngestParameters {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private IngestParameters() {
	}

	static IngestRequest read(ServerRequest request, Dataset dataset, String source) {
		IngestRequest.Mode mode = mode(request.queryParam("mode"));
		IngestRequest.Scope scope = scope(request);
		if (mode == IngestRequest.Mode.REPLACE && scope == null) {
			throw PortalException.invalidParameter("mode",
					"mode=replace needs a scope: region (a region code) and/or year, e.g. ?mode=replace&region=64.71&year=2021.");
		}
		if (mode == IngestRequest.Mode.UPSERT && scope != null) {
			throw PortalException.invalidParameter("region", "region and year declare the scope of mode=replace only.");
		}
		// PostgreSQL keeps microseconds: the stored batch record then reads exactly like the first answer
		Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		IngestRequest ingest = new IngestRequest(dataset, source, mode, scope, idempotencyKey(request), false, false,
				receivedAt);
		return repair(request.queryParam("geometry")) ? ingest.withRepairedGeometries() : ingest;
	}

	private static IngestRequest.Mode mode(Optional<String> value) {
		return switch (value.orElse("upsert")) {
			case "upsert" -> IngestRequest.Mode.UPSERT;
			case "replace" -> IngestRequest.Mode.REPLACE;
			default -> throw PortalException.invalidParameter("mode", "mode must be upsert or replace.");
		};
	}

	private static IngestRequest.Scope scope(ServerRequest request) {
		String region = request.queryParam("region").map(IngestParameters::regionCode).orElse(null);
		Integer year = request.queryParam("year").map(IngestParameters::year).orElse(null);
		return (region == null && year == null) ? null : new IngestRequest.Scope(region, year);
	}

	private static String regionCode(String value) {
		return RegionCode.parse(value)
			.map(RegionCode::dotted)
			.orElseThrow(() -> PortalException.invalidParameter("region",
					"region must be a Kemendagri region code such as 64.71 or 6471."));
	}

	private static Integer year(String value) {
		if (!value.matches("20[1-9][0-9]|2100")) {
			throw PortalException.invalidParameter("year", "year must be a year between 2010 and 2100.");
		}
		return Integer.valueOf(value);
	}

	private static boolean repair(Optional<String> value) {
		if (value.isEmpty() || value.get().equals("strict")) {
			return false;
		}
		if (value.get().equals("repair")) {
			return true;
		}
		throw PortalException.invalidParameter("geometry", "geometry must be strict (the default) or repair.");
	}

	private static String idempotencyKey(ServerRequest request) {
		String key = request.headers().firstHeader(IDEMPOTENCY_KEY);
		if (key != null && (key.isBlank() || key.length() > 200)) {
			throw PortalException.invalidParameter(IDEMPOTENCY_KEY, "Idempotency-Key must be 1 to 200 characters.");
		}
		return key;
	}

}
