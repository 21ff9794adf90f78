package org.kotaku.portal.ogc;

import java.util.List;
import java.util.Optional;

import org.kotaku.portal.ogc.OgcCollection.Period;
import org.kotaku.portal.ogc.OgcCollection.Property;

/**
 * The feature collections the portal publishes under {@code /ogc/collections}: provinces, regencies and villages
 * (polygons where a boundary is known, else the label point), slum areas (polygons, else centroids) and
 * activities (points). Their SQL reads the canonical tables directly.
 */
final class OgcCatalog {

	static final List<String> ACTIVITY_TYPES = List.of("road", "drainage", "water", "sanitation", "waste", "fire",
			"open_space", "housing", "capacity", "livelihood");

	static final List<String> ACTIVITY_STATUSES = List.of("planned", "ongoing", "completed", "cancelled");

	private static final String REGION_FROM = "region r";

	private static final String REGION_GEOMETRY = "coalesce(r.geom, r.label_point)";

	private static final String REGION_FILTER = "(r.geom && %1$s or (r.geom is null and r.label_point && %1$s))";

	private static final List<OgcCollection> COLLECTIONS = List.of(region("provinces", "Provinces", 1,
			"The 38 provinces (provinsi).", List.of(Queryable.text("code", "Kemendagri code", "r.code"))),
			region("regencies", "Regencies and cities", 2, "Kabupaten and kota, with their province.",
					List.of(Queryable.text("province_code", "Province code", "r.parent_code"),
							Queryable.choice("type", "Kabupaten or kota", "r.type", List.of("kabupaten", "kota")))),
			region("villages", "Villages", 4,
					"Desa and kelurahan: polygons where a boundary is known, label points elsewhere.",
					List.of(Queryable.text("regency_code", "Regency code", "left(r.code, 5)"),
							Queryable.text("district_code", "District code", "r.parent_code"),
							Queryable.choice("type", "Village type", "r.type",
									List.of("kelurahan", "desa", "desa_adat")))),
			slumAreas(), activities());

	private OgcCatalog() {
	}

	static List<OgcCollection> all() {
		return COLLECTIONS;
	}

	static Optional<OgcCollection> find(String id) {
		return COLLECTIONS.stream().filter((c) -> c.id().equals(id)).findFirst();
	}

	private static OgcCollection region(String id, String title, int level, String description,
			List<Queryable> queryables) {
		List<Property> properties = List.of(new Property("code", "r.code"), new Property("name", "r.name"),
				new Property("type", "r.type"), new Property("parent_code", "r.parent_code"),
				new Property("area_km2", "r.area_km2"), new Property("population", "r.population"),
				new Property("code_version", "r.code_version"), new Property("data_version", "r.updated_version"));
		return new OgcCollection(id, title, description, REGION_FROM, "r.level = " + level, "r.code", REGION_GEOMETRY,
				REGION_FILTER, properties, queryables, null);
	}

	private static OgcCollection slumAreas() {
		String from = """
				slum_area s left join lateral (select a.level, a.year, a.total_score from assessment a
				    where a.slum_area_id = s.id order by a.year desc, a.kind desc limit 1) l on true""";
		List<Property> properties = List.of(new Property("name", "s.name"),
				new Property("regency_code", "s.regency_code"), new Property("decree_id", "s.decree_id"),
				new Property("area_ha", "s.area_ha"), new Property("typology", "s.typology"),
				new Property("legality", "s.legality"), new Property("priority", "s.priority"),
				new Property("handling", "s.handling"), new Property("scale", "s.scale"),
				new Property("village_codes", "array_to_string(s.village_codes, ',')"),
				new Property("level", "l.level"), new Property("level_year", "l.year"),
				new Property("total_score", "l.total_score"), new Property("data_version", "s.updated_version"));
		List<Queryable> queryables = List.of(Queryable.text("regency_code", "Regency code", "s.regency_code"),
				Queryable.choice("typology", "Typology", "s.typology",
						List.of("di_atas_air", "tepi_air", "dataran_rendah", "perbukitan", "rawan_bencana")),
				Queryable.choice("legality", "Legality", "s.legality", List.of("legal", "ilegal")),
				Queryable.choice("handling", "Handling pattern", "s.handling",
						List.of("pemugaran", "peremajaan", "pemukiman_kembali")),
				Queryable.choice("scale", "Scale", "s.scale", List.of("lingkungan", "kawasan")),
				Queryable.integer("priority", "Priority (1 highest)", "s.priority"));
		return new OgcCollection("slum-areas", "Slum areas",
				"Slum areas (kawasan kumuh) designated by decree, with the level of their latest assessment.", from,
				"true", "s.id", "coalesce(s.geom, s.centroid)",
				"(s.geom && %1$s or (s.geom is null and s.centroid && %1$s))", properties, queryables, null);
	}

	private static OgcCollection activities() {
		List<Property> properties = List.of(new Property("name", "a.name"),
				new Property("village_code", "a.village_code"), new Property("slum_area_id", "a.slum_area_id"),
				new Property("allocation_id", "a.allocation_id"), new Property("fiscal_year", "a.fiscal_year"),
				new Property("type", "a.type"), new Property("status", "a.status"),
				new Property("physical_progress", "a.physical_progress"),
				new Property("output_volume", "a.output_volume"), new Property("output_unit", "a.output_unit"),
				new Property("start_date", "a.start_date"), new Property("end_date", "a.end_date"),
				new Property("budget_idr", "a.budget_idr"), new Property("disbursed_idr", "a.disbursed_idr"),
				new Property("cost_bpm_idr", "a.cost_bpm_idr"), new Property("cost_apbd_idr", "a.cost_apbd_idr"),
				new Property("cost_csr_idr", "a.cost_csr_idr"), new Property("cost_swadaya_idr", "a.cost_swadaya_idr"),
				new Property("cost_other_idr", "a.cost_other_idr"),
				new Property("beneficiary_households", "a.beneficiary_households"),
				new Property("beneficiary_people", "a.beneficiary_people"),
				new Property("beneficiary_women", "a.beneficiary_women"),
				new Property("labour_workers", "a.labour_workers"),
				new Property("labour_person_days", "a.labour_person_days"),
				new Property("labour_wages_idr", "a.labour_wages_idr"), new Property("data_version", "a.updated_version"));
		List<Queryable> queryables = List.of(Queryable.integer("fiscal_year", "Fiscal year (TA)", "a.fiscal_year"),
				Queryable.choice("type", "Activity type", "a.type", ACTIVITY_TYPES),
				Queryable.choice("status", "Status", "a.status", ACTIVITY_STATUSES),
				Queryable.text("village_code", "Village code", "a.village_code"),
				Queryable.text("slum_area_id", "Slum area id", "a.slum_area_id"),
				Queryable.text("allocation_id", "Allocation id", "a.allocation_id"));
		// the same expressions as index activity_period_idx (V40)
		Period period = new Period("coalesce(a.start_date, make_date(a.fiscal_year, 1, 1))",
				"coalesce(a.end_date, make_date(a.fiscal_year, 12, 31))");
		return new OgcCollection("activities", "Activities",
				"Works (kegiatan) in program villages: type, fiscal year, budget and its sources, progress, outputs, "
						+ "beneficiaries and padat karya labour, at their location point.",
				"activity a", "true", "a.id", "a.location", "a.location && %1$s", properties, queryables, period);
	}

}
