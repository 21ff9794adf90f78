package org.kotaku.portal.ingest.dataset;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.vocabulary.Handling;
import org.kotaku.portal.catalog.vocabulary.Legality;
import org.kotaku.portal.catalog.vocabulary.Scale;
import org.kotaku.portal.catalog.vocabulary.Typology;
import org.kotaku.portal.regioncode.RegionCode;
import org.kotaku.portal.ingest.validation.GeometryChecks;
import org.kotaku.portal.ingest.validation.ReferenceChecks;
import org.kotaku.portal.ingest.validation.RowReader;

/**
 * The {@code slum-areas} dataset: slum areas (kawasan kumuh) with the decree (SK kumuh)
 * that designates them and the villages they span. A decree is written from the
 * {@code decree*} fields of its slum areas.
 */
final class SlumAreaRows extends IdKeyedRows {

	private final boolean repairGeometries;

	SlumAreaRows(boolean repairGeometries) {
		this.repairGeometries = repairGeometries;
	}

	private static final Set<String> TYPOLOGIES = Term.codes(Typology.class);

	@Override
	public Dataset dataset() {
		return Dataset.SLUM_AREAS;
	}

	@Override
	public List<Column> stageColumns() {
		return List.of(new Column("id", "text"), new Column("decree_id", "text"), new Column("decree_number", "text"),
				new Column("decree_date", "date"), new Column("decree_issuer", "text"),
				new Column("decree_area_ha", "numeric"), new Column("regency_code", "text"), new Column("name", "text"),
				new Column("area_ha", "numeric"), new Column("typology", "text"), new Column("legality", "text"),
				new Column("priority", "smallint"), new Column("handling", "text"), new Column("scale", "text"),
				new Column("village_codes", "text[]"), new Column("geom_json", "text"), new Column("lon", "float8"),
				new Column("lat", "float8"));
	}

	@Override
	public Object[] read(RowReader row) {
		String id = row.text("id", true, 100);
		String regency = row.regionCode("regency", true, 2);
		String name = row.text("name", true, 200);
		BigDecimal area = row.decimal("areaHa", true, new BigDecimal("0.01"), new BigDecimal("99999999"), 2);
		String typology = row.choice("typology", false, TYPOLOGIES);
		String legality = row.choice("legality", false, Term.codes(Legality.class));
		Long priority = row.integer("priority", false, 1, 9);
		String handling = row.choice("handling", false, Term.codes(Handling.class));
		String scale = row.choice("scale", false, Term.codes(Scale.class));
		List<String> villages = villages(row, regency);
		String geometry = row.geoJson("geometry", false);
		double[] point = row.point("location", false);
		String decreeId = row.text("decreeId", false, 100);
		String decreeNumber = row.text("decreeNumber", decreeId != null, 200);
		LocalDate decreeDate = row.date("decreeDate", decreeId != null);
		String decreeIssuer = row.text("decreeIssuer", decreeId != null, 200);
		BigDecimal decreeArea = row.decimal("decreeAreaHa", false, BigDecimal.ZERO, new BigDecimal("99999999"), 2);
		if (!row.valid()) {
			return null;
		}
		return new Object[] { id, decreeId, decreeNumber, decreeDate, decreeIssuer, decreeArea, regency, name, area,
				typology, legality, priority, handling, scale == null ? "lingkungan" : scale, villages, geometry,
				point == null ? null : point[0], point == null ? null : point[1] };
	}

	/**
	 * Village codes as a JSON array or a CSV cell separated by {@code ;} or {@code |}.
	 */
	private static List<String> villages(RowReader row, String regency) {
		Object raw = row.raw("villages");
		List<?> items = raw instanceof List<?> list ? list
				: (row.has("villages") ? List.of(raw.toString().split("[;|]")) : List.of());
		if (items.isEmpty() || items.size() > 100) {
			row.reject("villages", raw, "must list 1 to 100 village codes");
			return null;
		}
		List<String> codes = new ArrayList<>(items.size());
		for (Object item : items) {
			var code = RegionCode.parse(String.valueOf(item)).filter((c) -> c.level() == 4);
			if (code.isEmpty()) {
				row.reject("villages", item, "must be village codes (e.g. 64.71.01.1001)");
				return null;
			}
			if (regency != null && !code.get().dotted().startsWith(regency + ".")) {
				row.reject("villages", item, "must lie in regency " + regency);
				return null;
			}
			codes.add(code.get().dotted());
		}
		return codes;
	}

	@Override
	public String table() {
		return "slum_area";
	}

	@Override
	public List<Column> targetColumns() {
		return List.of(new Column("id", "s.id"), new Column("decree_id", "s.decree_id"),
				new Column("regency_code", "s.regency_code"), new Column("name", "s.name"),
				new Column("area_ha", "s.area_ha::numeric(10,2)"), new Column("typology", "s.typology"),
				new Column("legality", "s.legality"), new Column("priority", "s.priority"),
				new Column("handling", "s.handling"), new Column("scale", "s.scale"),
				new Column("village_codes", "s.village_codes"),
				new Column("geom", GeometryChecks.multiPolygon("geom_json", this.repairGeometries)),
				new Column("centroid", "coalesce(ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326), "
						+ "ST_PointOnSurface(ST_SetSRID(ST_GeomFromGeoJSON(s.geom_json), 4326)))"));
	}

	@Override
	public List<String> databaseChecks() {
		return List.of("""
				select s.row_no, 'regency', s.regency_code, 'regency ' || s.regency_code || ' does not exist'
				from stage s where s.op = 'upsert'
				  and not exists (select 1 from region r where r.code = s.regency_code)""", """
				select s.row_no, 'villages', v.code, 'village ' || v.code || ' does not exist'
				from stage s cross join lateral unnest(s.village_codes) as v (code)
				where s.op = 'upsert' and not exists (select 1 from region r where r.code = v.code)""", """
				select s.row_no, 'decreeId', s.decree_id, 'decree ' || s.decree_id || ' belongs to regency '
				       || d.regency_code || ', not ' || s.regency_code
				from stage s join slum_decree d on d.id = s.decree_id
				where s.op = 'upsert' and d.regency_code <> s.regency_code""",
				GeometryChecks.polygonChecks("geom_json", "geometry", this.repairGeometries));
	}

	@Override
	public List<String> beforeUpsert() {
		return List
			.of("""
					insert into slum_decree (id, regency_code, number, decree_date, issuer, total_area_ha, batch_id,
					                         created_version, updated_version)
					select distinct on (s.decree_id) s.decree_id, s.regency_code, s.decree_number, s.decree_date,
					       s.decree_issuer, s.decree_area_ha::numeric(10,2), :batch, :version, :version
					from stage s where s.op = 'upsert' and s.decree_id is not null
					order by s.decree_id, s.row_no
					on conflict (id) do update set number = excluded.number, decree_date = excluded.decree_date,
					    issuer = excluded.issuer, total_area_ha = excluded.total_area_ha, batch_id = excluded.batch_id,
					    updated_version = excluded.updated_version
					where (slum_decree.number, slum_decree.decree_date, slum_decree.issuer, slum_decree.total_area_ha)
					      is distinct from (excluded.number, excluded.decree_date, excluded.issuer, excluded.total_area_ha)""");
	}

	@Override
	public ScopeColumns scopeColumns() {
		return new ScopeColumns("regency_code", null);
	}

	/** Deleting a slum area that activities refer to is refused. */
	@Override
	public List<String> deleteGuards() {
		return List.of(ReferenceChecks.stillReferencedByActivities("slum_area_id", "slum area"));
	}

}
