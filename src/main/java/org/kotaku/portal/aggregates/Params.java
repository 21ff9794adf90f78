package org.kotaku.portal.aggregates;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.api.ProblemType;
import org.kotaku.portal.readmodel.Snapshot;
import org.kotaku.portal.region.RegionCode;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.ServerRequest;

/** Reads and checks the query parameters of the aggregate endpoints; a bad value is a 400 problem naming it. */
final class Params {

	/** Representations of the endpoints that offer CSV. */
	enum Format {

		JSON, CSV

	}

	private Params() {
	}

	/** The {@code year} parameter, 0 when absent (all years). */
	static int year(ServerRequest request) {
		return request.queryParam("year").map((text) -> integer("year", text, 2010, 2100)).orElse(0);
	}

	/** The {@code level} parameter (1 province .. 4 village), or {@code fallback} when absent. */
	static int level(ServerRequest request, int fallback) {
		return request.queryParam("level").map((text) -> integer("level", text, 1, 4)).orElse(fallback);
	}

	/** A region code parameter in dotted form, {@link Snapshot#NATIONAL} when absent; 404 when unknown. */
	static String region(ServerRequest request, String name, Snapshot snapshot) {
		Optional<String> text = request.queryParam(name).filter((t) -> !t.isBlank());
		return text.isEmpty() ? Snapshot.NATIONAL : known(snapshot, code(name, text.get()));
	}

	static String known(Snapshot snapshot, String dotted) {
		if (snapshot.region(dotted).isEmpty()) {
			throw PortalException.notFound("No region with code " + dotted + ".");
		}
		return dotted;
	}

	static String code(String name, String text) {
		return RegionCode.parse(text.strip())
			.map(RegionCode::dotted)
			.orElseThrow(() -> PortalException.invalidParameter(name, "'" + text + "' is not a Kemendagri region code; "
					+ "use e.g. 64, 64.71, 64.71.01 or 64.71.01.1001 (dots optional)."));
	}

	static <E extends Enum<E>> E choice(ServerRequest request, String name, Class<E> type, E fallback) {
		Optional<String> text = request.queryParam(name);
		if (text.isEmpty()) {
			return fallback;
		}
		try {
			return Enum.valueOf(type, text.get().strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
				.map((e) -> e.name().toLowerCase(Locale.ROOT))
				.toList();
			throw new PortalException(ProblemType.INVALID_PARAMETER,
					"'" + text.get() + "' is not a valid " + name + "; use one of " + allowed + ".",
					Map.of("parameter", name, "allowed", allowed), null);
		}
	}

	/** {@code format=json|csv}, else CSV when the Accept header asks for text/csv, else JSON. */
	static Format format(ServerRequest request) {
		if (request.queryParam("format").isPresent()) {
			return choice(request, "format", Format.class, Format.JSON);
		}
		String accept = request.headers().firstHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains("text/csv") ? Format.CSV : Format.JSON;
	}

	static int integer(String name, String text, int min, int max) {
		try {
			int value = Integer.parseInt(text.strip());
			if (value >= min && value <= max) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw PortalException.invalidParameter(name,
				"'" + text + "' is not a valid " + name + "; use a whole number from " + min + " to " + max + ".");
	}

}
