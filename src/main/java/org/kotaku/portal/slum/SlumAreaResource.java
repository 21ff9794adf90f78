package org.kotaku.portal.slum;

import java.util.List;

import org.kotaku.portal.listing.Column;
import org.kotaku.portal.listing.Resource;

/**
 * The published fields of a slum area (kawasan kumuh), in order, with its latest assessment: the newest year, and
 * within a year the latest kind (baseline, then SK, then R0, then final). docs/data-dictionary.md describes each.
 */
final class SlumAreaResource {

	/** The latest assessment of slum area {@code s}, as a lateral subquery. */
	static final String LATEST_ASSESSMENT = """
			select a.id, a.year, a.kind, a.regulation, a.total_score, a.level from assessment a
			where a.slum_area_id = s.id
			order by a.year desc, array_position(array['baseline', 'sk', 'r0', 'final'], a.kind) desc
			limit 1""";

	private static final String FROM = """
			slum_area s
			join region r on r.code = s.regency_code
			left join lateral (%s) l on true""".formatted(LATEST_ASSESSMENT);

	static final Resource SLUM_AREAS = new Resource("slum area", FROM, FROM, "s.id", "s.created_version",
			List.of(Column.text("id", "s.id"), Column.text("name", "s.name"),
					Column.text("regencyCode", "s.regency_code"), Column.text("regencyName", "r.name"),
					Column.text("decreeId", "s.decree_id"), Column.decimal("areaHa", "s.area_ha"),
					Column.text("typology", "s.typology"), Column.text("legality", "s.legality"),
					Column.integer("priority", "s.priority"), Column.text("handling", "s.handling"),
					Column.text("scale", "s.scale"), Column.textList("villageCodes", "s.village_codes"),
					Column.integer("latestYear", "l.year"), Column.text("latestKind", "l.kind"),
					Column.text("latestRegulation", "l.regulation"),
					Column.integer("latestTotalScore", "l.total_score"), Column.text("latestLevel", "l.level"),
					Column.decimal("lon", "round(ST_X(coalesce(s.centroid, ST_PointOnSurface(s.geom)))::numeric, 6)"),
					Column.decimal("lat", "round(ST_Y(coalesce(s.centroid, ST_PointOnSurface(s.geom)))::numeric, 6)"),
					Column.integer("updatedVersion", "s.updated_version")),
			"coalesce(s.geom, s.centroid)", List.of("id", "name", "areaHa"));

	private SlumAreaResource() {
	}

}
