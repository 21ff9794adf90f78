package org.kotaku.portal.ogc;

import java.util.List;
import java.util.Optional;

import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.catalog.Field;
import org.kotaku.portal.ogc.OgcCollection.Period;
import org.kotaku.portal.ogc.OgcCollection.Property;

/**
 * The feature collections the portal publishes under {@code /ogc/collections}: provinces,
 * regencies and villages (polygons where a boundary is known, else the label point), slum
 * areas (polygons, else centroids), activities (points), allocations and access
 * indicators (at their village's label point), and decrees, assessments, assessment
 * scores and disbursement tranches (no geometry: features with a null one). Their
 * properties and queryables are the fields of the catalog's datasets, with the same names
 * as in the list API and the bulk files; their SQL reads the canonical tables directly.
 */
final class OgcCatalog {

	private static final String REGION_FILTER = "(r.geom && %1$s or (r.geom is null and " + pointIn("r.label_point")
			+ "))";

	private static final List<OgcCollection> COLLECTIONS = List.of(
			region("provinces", "Provinces", 1, "The 38 provinces (provinsi)."),
			region("regencies", "Regencies and cities", 2, "Kabupaten and kota, with their province."),
			region("villages", "Villages", 4,
					"Desa and kelurahan: polygons where a boundary is known, label points elsewhere."),
			collection(Catalog.SLUM_AREAS, "slum-areas", Catalog.SLUM_AREAS.countFrom(), "true",
					"(s.geom && %1$s or (s.geom is null and " + pointIn("s.centroid") + "))", null),
			// the same expressions as index activity_period_idx (V40)
			collection(Catalog.ACTIVITIES, "activities", Catalog.ACTIVITIES.countFrom(), "true", pointIn("a.location"),
					new Period("coalesce(a.start_date, make_date(a.fiscal_year, 1, 1))",
							"coalesce(a.end_date, make_date(a.fiscal_year, 12, 31))")),
			// at the village's label point, as the list API's GeoJSON: the bbox needs the
			// village, so the matches are
			// read from the whole from clause
			collection(Catalog.ALLOCATIONS, "allocations", Catalog.ALLOCATIONS.from(), "true", pointIn("v.label_point"),
					year("l.fiscal_year")),
			collection(Catalog.ACCESS_INDICATORS, "access-indicators", Catalog.ACCESS_INDICATORS.from(), "true",
					pointIn("v.label_point"), year("i.year")),
			// records without a location: features with a null geometry (OGC API -
			// Features 1.0, 7.16.2 and
			// RFC 7946 3.2), which a bbox never selects
			collection(Catalog.DECREES, "decrees", Catalog.DECREES.countFrom(), "true", null,
					new Period("d.decree_date", "d.decree_date")),
			collection(Catalog.ASSESSMENTS, "assessments", Catalog.ASSESSMENTS.countFrom(), "true", null,
					year("a.year")),
			collection(Catalog.ASSESSMENT_SCORES, "assessment-scores", Catalog.ASSESSMENT_SCORES.countFrom(), "true",
					null, year("a.year")),
			collection(Catalog.DISBURSEMENTS, "disbursements", Catalog.DISBURSEMENTS.countFrom(), "true", null, null));

	/**
	 * The bbox predicate of a point column: through its index ({@code &&}), then exactly.
	 * {@code &&} alone compares float4 boxes rounded outwards, so it also keeps points up
	 * to about a metre outside the box (one of 6,084 in a benchmark box), and
	 * ST_Intersects is costed so high that the planner goes parallel with JIT (38 ms
	 * instead of 2 ms for a 0.3 degree box of the national activities). Polygons keep the
	 * overlap of their bounding boxes.
	 */
	private static String pointIn(String point) {
		return "(" + point + " && %1$s and ST_X(" + point + ") between ST_XMin(%1$s) and ST_XMax(%1$s) and ST_Y("
				+ point + ") between ST_YMin(%1$s) and ST_YMax(%1$s))";
	}

	/** The geometry of a collection whose records have none. */
	private static final String NO_GEOMETRY = "null::geometry";

	/**
	 * The bbox predicate of a collection without geometries: a feature without one never
	 * intersects a box. It still names the envelope, whose values are bound like those of
	 * any other collection.
	 */
	private static final String NO_SPATIAL_MATCH = "(%1$s) is null and false";

	private OgcCatalog() {
	}

	static List<OgcCollection> all() {
		return COLLECTIONS;
	}

	static Optional<OgcCollection> find(String id) {
		return COLLECTIONS.stream().filter((c) -> c.id().equals(id)).findFirst();
	}

	/**
	 * The ids of the collections that publish {@code dataset} (regions: one per level).
	 */
	static List<String> collectionsOf(Dataset dataset) {
		return COLLECTIONS.stream().filter((c) -> c.dataset().equals(dataset.id())).map(OgcCollection::id).toList();
	}

	private static OgcCollection region(String id, String title, int level, String description) {
		Dataset regions = Catalog.REGIONS;
		return new OgcCollection(id, title, description, regions.from(), regions.countFrom(), "r.level = " + level,
				regions.idSql(), regions.geometry(), REGION_FILTER, properties(regions), queryables(regions), null,
				regions.id());
	}

	/**
	 * A dataset's collection; {@code matchFrom} its {@code countFrom} unless the bbox
	 * reads a table only its {@code from} joins; {@code spatialFilter} null for one whose
	 * records have no geometry.
	 */
	private static OgcCollection collection(Dataset dataset, String id, String matchFrom, String where,
			String spatialFilter, Period period) {
		String geometry = dataset.hasGeometry() ? dataset.geometry() : NO_GEOMETRY;
		return new OgcCollection(id, dataset.title().en(), dataset.description().en(), dataset.from(), matchFrom, where,
				dataset.idSql(), geometry, spatialFilter == null ? NO_SPATIAL_MATCH : spatialFilter,
				properties(dataset), queryables(dataset), period, dataset.id());
	}

	/** The calendar year of a record with a year column. */
	private static Period year(String column) {
		return new Period("make_date(" + column + ", 1, 1)", "make_date(" + column + ", 12, 31)");
	}

	private static List<Property> properties(Dataset dataset) {
		return dataset.featureProperties().stream().map((f) -> new Property(f.name(), f.sql())).toList();
	}

	private static List<Queryable> queryables(Dataset dataset) {
		return dataset.queryables().stream().map(OgcCatalog::queryable).toList();
	}

	private static Queryable queryable(Field field) {
		Queryable.Kind kind = switch (field.type()) {
			case INTEGER -> Queryable.Kind.INTEGER;
			default -> Queryable.Kind.STRING;
		};
		return new Queryable(field.name(), field.description().en(), field.sql(), kind, field.codes());
	}

}
