package org.kotaku.portal.tiles;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.kotaku.portal.api.Params;
import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.vocabulary.ActivityType;
import org.kotaku.portal.regioncode.RegionCode;
import org.springframework.util.MultiValueMap;

/**
 * What a tile request may narrow its layer to (issue #13): activities by fiscal year
 * ({@code year}) and types ({@code type}, comma-separated); regions by one level at every
 * zoom ({@code level}, 1-4) below a region ({@code parent}; levels 3 and 4 need one at
 * most two levels up, so that a tile lists at most a few hundred regions). Anything else,
 * a value out of range or a parameter of another layer is a 400 problem naming it. The
 * filter's {@link #query()} is canonical (types sorted), so equal filters share a cache
 * key and a tile URL.
 */
record TileFilter(Integer year, List<String> types, Integer level, String parent) {

	static final TileFilter NONE = new TileFilter(null, List.of(), null, null);

	static final Set<String> TYPES = Term.codes(ActivityType.class);

	/** The fiscal years the activity table holds (its check constraint). */
	private static final int MIN_YEAR = 2010;

	private static final int MAX_YEAR = 2100;

	TileFilter {
		types = List.copyOf(new TreeSet<>(types));
	}

	/**
	 * The filter of a request's query parameters for a layer; a 400 problem when one is
	 * unknown or malformed.
	 */
	static TileFilter of(TileLayer layer, MultiValueMap<String, String> query) {
		return switch (layer) {
			case ACTIVITIES -> activities(Params.of(query, Set.of("year", "type")));
			case REGIONS -> regions(Params.of(query, Set.of("level", "parent")));
			case SLUM_AREAS -> none(query);
		};
	}

	/**
	 * The filter, or null when the query holds anything the routed handler would refuse
	 * (for the fast path).
	 */
	static TileFilter orNull(TileLayer layer, MultiValueMap<String, String> query) {
		try {
			return of(layer, query);
		}
		catch (PortalException ex) {
			return null;
		}
	}

	private static TileFilter none(MultiValueMap<String, String> query) {
		Params.of(query, Set.of());
		return NONE;
	}

	private static TileFilter activities(Params params) {
		Integer year = params.integer("year", MIN_YEAR, MAX_YEAR).map(Long::intValue).orElse(null);
		return new TileFilter(year, params.choices("type", TYPES), null, null);
	}

	private static TileFilter regions(Params params) {
		Integer level = params.integer("level", 1, 4).map(Long::intValue).orElse(null);
		Optional<RegionCode> parent = params.region("parent");
		if (parent.isPresent() && level == null) {
			throw PortalException.invalidParameter("parent",
					"Parameter 'parent' needs 'level' (1-4): the level of " + "the regions below it to draw.");
		}
		if (level != null && parent.isPresent() && parent.get().level() >= level) {
			throw PortalException.invalidParameter("level", "level " + level + " is not below parent "
					+ parent.get().dotted() + " (level " + parent.get().level() + ").");
		}
		if (level != null && level >= 3 && (parent.isEmpty() || parent.get().level() < level - 2)) {
			throw PortalException.invalidParameter("parent", "level " + level + " needs a parent at most two levels "
					+ "up (districts of a province or regency, villages of a regency or district).");
		}
		return new TileFilter(null, List.of(), level, parent.map(RegionCode::dotted).orElse(null));
	}

	boolean isEmpty() {
		return this.year == null && this.types.isEmpty() && this.level == null;
	}

	/**
	 * The canonical query string ({@code ""} without a filter, else
	 * {@code ?level=3&parent=64.71}).
	 */
	String query() {
		StringBuilder query = new StringBuilder();
		append(query, "level", this.level == null ? null : this.level.toString());
		append(query, "parent", this.parent);
		append(query, "type", this.types.isEmpty() ? null : String.join(",", this.types));
		append(query, "year", this.year == null ? null : this.year.toString());
		return query.toString();
	}

	private static void append(StringBuilder query, String name, String value) {
		if (value != null) {
			query.append(query.length() == 0 ? '?' : '&').append(name).append('=').append(value);
		}
	}

}
