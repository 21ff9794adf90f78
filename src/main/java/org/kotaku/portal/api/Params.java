package org.kotaku.portal.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.kotaku.portal.regioncode.RegionCode;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Reads query parameters strictly: an unknown parameter, a repeated one, or a value out
 * of range is a 400 {@code invalid-parameter} problem that names the parameter and, where
 * there are some, its allowed values.
 */
public final class Params {

	private final MultiValueMap<String, String> query;

	private Params(MultiValueMap<String, String> query) {
		this.query = query;
	}

	/** The request's parameters, refusing any name outside {@code allowed}. */
	public static Params of(ServerRequest request, Set<String> allowed) {
		return of(request.queryParams(), allowed);
	}

	/**
	 * Decoded query parameters (also before routing), refusing any name outside
	 * {@code allowed}.
	 */
	public static Params of(MultiValueMap<String, String> query, Set<String> allowed) {
		for (Map.Entry<String, List<String>> entry : query.entrySet()) {
			if (!allowed.contains(entry.getKey())) {
				throw invalid(entry.getKey(), "Unknown parameter '" + entry.getKey() + "'.", allowed);
			}
			if (entry.getValue().size() > 1) {
				throw PortalException.invalidParameter(entry.getKey(), "Parameter '" + entry.getKey()
						+ "' is given more than once; give it once (lists are comma-separated).");
			}
		}
		return new Params(query);
	}

	/** Checks that a route that takes no parameters got none. */
	public static void none(ServerRequest request) {
		of(request, Set.of());
	}

	/** Whether the parameter is given at all (even empty). */
	public boolean has(String name) {
		return this.query.containsKey(name);
	}

	public Optional<String> text(String name, int maxLength) {
		Optional<String> value = Optional.ofNullable(this.query.getFirst(name)).map(String::strip);
		value.filter((v) -> v.isEmpty() || v.length() > maxLength).ifPresent((v) -> {
			throw PortalException.invalidParameter(name,
					"Parameter '" + name + "' must have 1 to " + maxLength + " characters.");
		});
		return value;
	}

	public Optional<Long> integer(String name, long min, long max) {
		return text(name, 20).map((v) -> parseInteger(name, v, min, max));
	}

	public Optional<Boolean> bool(String name) {
		return text(name, 5).map((v) -> switch (v) {
			case "true" -> true;
			case "false" -> false;
			default -> throw invalid(name, "Parameter '" + name + "' must be true or false, not '" + v + "'.",
					Set.of("true", "false"));
		});
	}

	public Optional<String> choice(String name, Set<String> allowed) {
		return text(name, 100).map((v) -> checkChoice(name, v, allowed));
	}

	/**
	 * An enum constant named in lower case ({@code slum_reduced_pct} for
	 * {@code SLUM_REDUCED_PCT}).
	 */
	public <E extends Enum<E>> Optional<E> choice(String name, Class<E> type) {
		Map<String, E> byName = new LinkedHashMap<>();
		for (E constant : type.getEnumConstants()) {
			byName.put(constant.name().toLowerCase(Locale.ROOT), constant);
		}
		return text(name, 100).map((v) -> byName.get(checkChoice(name, v.toLowerCase(Locale.ROOT), byName.keySet())));
	}

	/**
	 * A Kemendagri region code, dotted or digits only (64, 64.71, 6471, 64.71.01.1001).
	 */
	public Optional<RegionCode> region(String name) {
		return text(name, 20).map((v) -> regionCode(name, v));
	}

	/**
	 * {@code text} as a Kemendagri region code; a 400 problem naming {@code name} when it
	 * is none.
	 */
	public static RegionCode regionCode(String name, String text) {
		return RegionCode.parse(text.strip())
			.orElseThrow(() -> PortalException.invalidParameter(name, "Parameter '" + name + "' must be a Kemendagri "
					+ "region code with or without dots (e.g. 64, 64.71, 6471, 64.71.01.1001), not '" + text + "'."));
	}

	/**
	 * A comma-separated list of allowed values, in the order given, without duplicates.
	 */
	public List<String> choices(String name, Set<String> allowed) {
		return text(name, 500)
			.map((v) -> Arrays.stream(v.split(",", -1))
				.map(String::strip)
				.map((item) -> checkChoice(name, item, allowed))
				.distinct()
				.toList())
			.orElse(List.of());
	}

	private static String checkChoice(String name, String value, Set<String> allowed) {
		if (!allowed.contains(value)) {
			throw invalid(name, "Parameter '" + name + "' has the unknown value '" + value + "'.", allowed);
		}
		return value;
	}

	private static long parseInteger(String name, String value, long min, long max) {
		try {
			long number = new BigDecimal(value).longValueExact();
			if (number < min || number > max) {
				throw PortalException.invalidParameter(name,
						"Parameter '" + name + "' must be between " + min + " and " + max + ", not " + value + ".");
			}
			return number;
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw PortalException.invalidParameter(name,
					"Parameter '" + name + "' must be a whole number, not '" + value + "'.");
		}
	}

	/** An invalid-parameter problem that lists the allowed values. */
	public static PortalException invalid(String name, String detail, Set<String> allowed) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("parameter", name);
		extensions.put("allowed", new ArrayList<>(new TreeSet<>(allowed)));
		return new PortalException(ProblemType.INVALID_PARAMETER,
				detail + " Allowed: " + String.join(", ", new TreeSet<>(allowed)) + ".", extensions, null);
	}

}
