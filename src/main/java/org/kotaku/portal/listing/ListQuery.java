package org.kotaku.portal.listing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.kotaku.portal.api.Params;
import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.catalog.Dataset;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * The parameters every listing shares: representation, page size ({@code limit}, or
 * {@code all} to stream the whole result), keyset {@code cursor}, {@code sort},
 * {@code count}, CSV {@code bom}, and GeoJSON {@code precision} and {@code geometry}.
 */
public record ListQuery(Format format, Integer limit, SortOrder sort, Cursor cursor, Count count, boolean bom,
		int precision, boolean geometry) {

	public static final int DEFAULT_LIMIT = 100;

	public static final int MAX_LIMIT = 1_000;

	public static final int DEFAULT_PRECISION = 6;

	public static final List<String> PARAMETERS = List.of("format", "limit", "cursor", "sort", "count", "bom",
			"precision", "geometry");

	/**
	 * How the number of matching rows is given: counted, estimated by the query planner,
	 * or not at all.
	 */
	public enum Count {

		EXACT, ESTIMATE, NONE

	}

	/**
	 * The shared parameters plus a listing's own filters: every parameter the listing
	 * accepts.
	 */
	public static Params params(ServerRequest request, Set<String> featureParameters) {
		Set<String> allowed = new HashSet<>(PARAMETERS);
		allowed.addAll(featureParameters);
		return Params.of(request, allowed);
	}

	/** Reads the shared parameters. */
	public static ListQuery parse(ServerRequest request, Params p, Dataset dataset) {
		Format format = Format.negotiate(request, p.text("format", 20), Format.offered(dataset));
		SortOrder sort = SortOrder.parse(p.text("sort", 50).orElse(dataset.sortable().get(0)), dataset);
		Cursor cursor = p.text("cursor", 2000).map((c) -> Cursor.decode(c, sort)).orElse(null);
		Integer limit = limit(p.text("limit", 10).orElse(String.valueOf(DEFAULT_LIMIT)));
		if (limit == null && cursor != null) {
			throw PortalException.invalidParameter("limit", "limit=all streams the whole result; it takes no cursor.");
		}
		Count count = Count
			.valueOf(p.choice("count", Set.of("exact", "estimate", "none")).orElse("none").toUpperCase());
		boolean bom = p.bool("bom").orElse(false);
		int precision = p.integer("precision", 0, 15).orElse((long) DEFAULT_PRECISION).intValue();
		boolean geometry = p.bool("geometry").orElse(true);
		return new ListQuery(format, limit, sort, cursor, count, bom, precision, geometry);
	}

	/** The {@code limit} value that streams the whole result instead of a page. */
	static final String ALL = "all";

	/**
	 * Whether a request's {@code limit} asks for the whole result streamed
	 * ({@link ExportLimitFilter}).
	 */
	static boolean streamsAll(org.springframework.util.MultiValueMap<String, String> query) {
		return ALL.equals(query.getFirst("limit"));
	}

	/** A page size, or null for {@code all}. */
	private static Integer limit(String text) {
		if (text.equals(ALL)) {
			return null;
		}
		try {
			int limit = Integer.parseInt(text);
			if (limit >= 1 && limit <= MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw PortalException.invalidParameter("limit", "limit must be a whole number from 1 to " + MAX_LIMIT
				+ ", or 'all' to stream the whole result; got '" + text + "'.");
	}

	public boolean streamsAll() {
		return this.limit == null;
	}

}
