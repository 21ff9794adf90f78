package org.kotaku.portal.slum;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.kotaku.portal.api.Params;
import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.vocabulary.SlumLevel;
import org.kotaku.portal.catalog.vocabulary.Typology;
import org.kotaku.portal.listing.Bbox;
import org.kotaku.portal.listing.Near;
import org.kotaku.portal.listing.Where;
import org.kotaku.portal.regioncode.RegionCode;

/**
 * Turns the filter parameters of {@code /api/v1/slum-areas} into SQL conditions: region
 * (any level: the regency, or a district or village the area spans), bbox, a radius
 * around a point, latest level, typology and text in the name.
 */
final class SlumAreaFilters {

	static final Set<String> PARAMETERS = Set.of("region", "bbox", "near", "radius", "level", "typology", "q");

	static final Set<String> LEVELS = Term.codes(SlumLevel.class);

	static final Set<String> TYPOLOGIES = Term.codes(Typology.class);

	private SlumAreaFilters() {
	}

	static Where from(Params p, Optional<RegionCode> region) {
		Where where = new Where();
		region.ifPresent((code) -> regionCondition(where, code));
		p.text("bbox", 200).map(Bbox::parse).ifPresent((box) -> box.addTo(where, "coalesce(s.geom, s.centroid)"));
		Near.from(p).ifPresent((near) -> near.addTo(where, "coalesce(s.geom, s.centroid)"));
		List<String> levels = p.choices("level", LEVELS);
		if (!levels.isEmpty()) {
			where.anyOf("l.level", "level", levels);
		}
		List<String> typologies = p.choices("typology", TYPOLOGIES);
		if (!typologies.isEmpty()) {
			where.anyOf("s.typology", "typology", typologies);
		}
		p.text("q", 100).ifPresent((q) -> where.and("s.name ilike :q", "q", Where.contains(q)));
		return where;
	}

	private static void regionCondition(Where where, RegionCode code) {
		if (code.level() <= 2) {
			where.and("(s.regency_code = :region or s.regency_code like :regionPrefix)", "region", code.dotted())
				.bind("regionPrefix", code.dotted() + ".%");
		}
		else {
			where
				.and("exists (select 1 from unnest(s.village_codes) v where v = :region or v like :regionPrefix)",
						"region", code.dotted())
				.bind("regionPrefix", code.dotted() + ".%");
		}
	}

}
