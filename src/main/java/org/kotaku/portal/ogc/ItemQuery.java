package org.kotaku.portal.ogc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.MultiValueMap;

/**
 * A parsed {@code /items} request: spatial, temporal and property filters, the page size
 * and the keyset cursor ({@code after} or {@code before} a feature id, in id order).
 * Unknown parameters are refused, so that a typo never silently returns unfiltered data.
 */
record ItemQuery(Bbox bbox, TimeInterval time, int limit, String after, String before, Map<Queryable, Object> filters) {

	static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

	static final Set<String> PAGING = Set.of("limit", "after", "before");

	static final Set<String> FORMAT = Set.of("f", "crs", "bbox-crs");

	private static final int MAX_CURSOR_LENGTH = 100;

	static ItemQuery parse(OgcCollection collection, MultiValueMap<String, String> params, OgcProperties limits) {
		params.keySet().forEach((name) -> checkKnown(collection, name));
		params.forEach((name, values) -> checkSingle(name, values));
		checkFormat(params);
		Bbox bbox = params.containsKey(Bbox.PARAMETER) ? Bbox.parse(params.getFirst(Bbox.PARAMETER)) : null;
		TimeInterval time = params.containsKey(TimeInterval.PARAMETER) ? time(collection, params) : null;
		String after = cursor(params, "after");
		String before = cursor(params, "before");
		if (after != null && before != null) {
			throw OgcProblems.invalidParameter("before", "Use either after or before, not both.");
		}
		Map<Queryable, Object> filters = new LinkedHashMap<>();
		for (Queryable q : collection.queryables()) {
			if (params.containsKey(q.name())) {
				filters.put(q, q.parse(params.getFirst(q.name())));
			}
		}
		return new ItemQuery(bbox, time, limit(params.getFirst("limit"), limits), after, before, filters);
	}

	private static void checkKnown(OgcCollection collection, String name) {
		boolean known = name.equals(Bbox.PARAMETER) || name.equals(TimeInterval.PARAMETER) || PAGING.contains(name)
				|| FORMAT.contains(name) || collection.queryable(name).isPresent();
		if (!known) {
			List<String> queryables = collection.queryables().stream().map(Queryable::name).toList();
			throw OgcProblems.invalidParameter(name,
					"Unknown query parameter '" + name + "'. Allowed: bbox, datetime, "
							+ "limit, after, before, f, crs, bbox-crs and the queryables of " + collection.id() + ": "
							+ String.join(", ", queryables) + ".");
		}
	}

	private static void checkSingle(String name, List<String> values) {
		if (values.size() > 1) {
			throw OgcProblems.invalidParameter(name, "Parameter '" + name + "' is given more than once.");
		}
	}

	/**
	 * Checks the format and CRS parameters: GeoJSON in CRS84 is the only representation.
	 */
	static void checkFormat(MultiValueMap<String, String> params) {
		String f = params.getFirst("f");
		if (f != null && !Set.of("json", "geojson").contains(f)) {
			throw OgcProblems.invalidParameter("f", "f must be json or geojson; got '" + f + "'.");
		}
		for (String crsParameter : List.of("crs", "bbox-crs")) {
			String crs = params.getFirst(crsParameter);
			if (crs != null && !crs.equals(CRS84)) {
				throw OgcProblems.invalidParameter(crsParameter, crsParameter + " must be " + CRS84 + ".");
			}
		}
	}

	/**
	 * The temporal filter, or {@code null} for none. A collection without time still
	 * checks the syntax, then matches every feature: features without a temporal geometry
	 * are part of every datetime's result set (OGC API - Features 1.0,
	 * /req/core/fc-time-response C).
	 */
	private static TimeInterval time(OgcCollection collection, MultiValueMap<String, String> params) {
		TimeInterval time = TimeInterval.parse(params.getFirst(TimeInterval.PARAMETER));
		return collection.period() == null ? null : time;
	}

	private static String cursor(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		if (value != null && (value.isBlank() || value.length() > MAX_CURSOR_LENGTH)) {
			throw OgcProblems.invalidParameter(name, name + " must be a feature id of 1 to 100 characters.");
		}
		return value;
	}

	private static int limit(String text, OgcProperties limits) {
		if (text == null) {
			return limits.defaultLimit();
		}
		try {
			int limit = Integer.parseInt(text.strip());
			if (limit >= 1) {
				// a limit above the maximum is served as the maximum (OGC API - Features
				// 1.0, /req/core/fc-limit-response-1)
				return Math.min(limit, limits.maxLimit());
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw OgcProblems.invalidParameter("limit",
				"limit must be an integer from 1 to " + limits.maxLimit() + "; got '" + text + "'.");
	}

	/** Whether the page is read backwards from a {@code before} cursor. */
	boolean backwards() {
		return this.before != null;
	}

	/**
	 * The filters of the query without the cursor: what numberMatched counts, as a stable
	 * cache key.
	 */
	String filterKey() {
		StringBuilder key = new StringBuilder();
		key.append(this.bbox == null ? "" : this.bbox.text()).append('|');
		key.append(this.time == null ? "" : this.time.start() + "/" + this.time.end()).append('|');
		this.filters.forEach((q, v) -> key.append(q.name()).append('=').append(v).append('&'));
		return key.toString();
	}

}
