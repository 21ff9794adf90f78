package org.kotaku.portal.activity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.kotaku.portal.api.Params;
import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.vocabulary.ActivityStatus;
import org.kotaku.portal.catalog.vocabulary.ActivityType;
import org.kotaku.portal.listing.Bbox;
import org.kotaku.portal.listing.Near;
import org.kotaku.portal.listing.Listings;
import org.kotaku.portal.listing.Where;
import org.kotaku.portal.regioncode.RegionCode;

/**
 * Turns the filter parameters of {@code /api/v1/activities} into SQL conditions: region
 * (any level), bbox, a radius around a point, fiscal year or range, type, funding source
 * (a non-zero cost share), status, text in the name, and budget range.
 */
final class ActivityFilters {

	static final Set<String> PARAMETERS = Set.of("region", "bbox", "near", "radius", "year", "yearFrom", "yearTo",
			"type", "source", "status", "q", "minBudget", "maxBudget");

	static final Set<String> TYPES = Term.codes(ActivityType.class);

	static final Set<String> STATUSES = Term.codes(ActivityStatus.class);

	/**
	 * Funding sources and the cost column that must be above zero; the columns are fixed
	 * here, never requested.
	 */
	static final Map<String, String> SOURCES = Map.of("bpm", "a.cost_bpm_idr", "apbd", "a.cost_apbd_idr", "csr",
			"a.cost_csr_idr", "swadaya", "a.cost_swadaya_idr", "other", "a.cost_other_idr");

	static final int MIN_YEAR = 2010;

	static final int MAX_YEAR = 2100;

	private ActivityFilters() {
	}

	/**
	 * The conditions of the request ({@code region} parsed beforehand, see
	 * {@link Listings#search}).
	 */
	static Where from(Params p, Optional<RegionCode> region) {
		Where where = new Where();
		region.ifPresent((code) -> regionCondition(where, code));
		p.text("bbox", 200).map(Bbox::parse).ifPresent((box) -> box.addPointsTo(where, "a.location"));
		Near.from(p).ifPresent((near) -> near.addTo(where, "a.location"));
		p.integer("year", MIN_YEAR, MAX_YEAR)
			.ifPresent((y) -> where.and("a.fiscal_year = :year", "year", y.shortValue()));
		p.integer("yearFrom", MIN_YEAR, MAX_YEAR)
			.ifPresent((y) -> where.and("a.fiscal_year >= :yearFrom", "yearFrom", y.shortValue()));
		p.integer("yearTo", MIN_YEAR, MAX_YEAR)
			.ifPresent((y) -> where.and("a.fiscal_year <= :yearTo", "yearTo", y.shortValue()));
		List<String> types = p.choices("type", TYPES);
		if (!types.isEmpty()) {
			where.anyOf("a.type", "type", types);
		}
		List<String> statuses = p.choices("status", STATUSES);
		if (!statuses.isEmpty()) {
			where.anyOf("a.status", "status", statuses);
		}
		List<String> sources = p.choices("source", SOURCES.keySet());
		if (!sources.isEmpty()) {
			where.and("(" + String.join(" or ", sources.stream().map((s) -> SOURCES.get(s) + " > 0").toList()) + ")");
		}
		p.text("q", 100).ifPresent((q) -> where.and("a.name ilike :q", "q", Where.contains(q)));
		p.integer("minBudget", 0, Long.MAX_VALUE)
			.ifPresent((b) -> where.and("a.budget_idr >= :minBudget", "minBudget", b));
		p.integer("maxBudget", 0, Long.MAX_VALUE)
			.ifPresent((b) -> where.and("a.budget_idr <= :maxBudget", "maxBudget", b));
		return where;
	}

	private static void regionCondition(Where where, RegionCode code) {
		if (code.level() == 4) {
			where.and("a.village_code = :region", "region", code.dotted());
		}
		else {
			where.and("a.village_code like :regionPrefix", "regionPrefix", code.dotted() + ".%");
		}
	}

}
