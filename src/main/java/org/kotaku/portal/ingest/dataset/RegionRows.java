package org.kotaku.portal.ingest.dataset;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.vocabulary.RegionType;
import org.kotaku.portal.regioncode.RegionCode;
import org.kotaku.portal.ingest.validation.GeometryChecks;
import org.kotaku.portal.ingest.validation.ReferenceChecks;
import org.kotaku.portal.ingest.validation.RowReader;

/**
 * The {@code regions} dataset: administrative regions at four levels. Level, parent and
 * (unless given) type follow from the code; geometry is a GeoJSON (Multi)Polygon, the
 * label point a GeoJSON Point or {@code labelLon}/{@code labelLat}.
 */
final class RegionRows implements DatasetSpec {

	private final boolean repairGeometries;

	RegionRows(boolean repairGeometries) {
		this.repairGeometries = repairGeometries;
	}

	static final String DEFAULT_CODE_VERSION = "Kepmendagri 300.2.2-2430/2025";

	private static final Set<String> TYPES = Term.codes(RegionType.class);

	@Override
	public Dataset dataset() {
		return Dataset.REGIONS;
	}

	@Override
	public List<Column> stageColumns() {
		return List.of(new Column("code", "text"), new Column("level", "smallint"), new Column("type", "text"),
				new Column("name", "text"), new Column("parent_code", "text"), new Column("code_version", "text"),
				new Column("area_km2", "numeric"), new Column("population", "bigint"), new Column("geom_json", "text"),
				new Column("label_lon", "float8"), new Column("label_lat", "float8"));
	}

	@Override
	public Object[] read(RowReader row) {
		String code = row.regionCode("code", true, 0);
		String type = row.choice("type", false, TYPES);
		String name = row.text("name", true, 200);
		String codeVersion = row.text("codeVersion", false, 100);
		BigDecimal area = row.decimal("areaKm2", false, BigDecimal.ZERO, new BigDecimal("999999999"), 3);
		Long population = row.integer("population", false, 0, 1_000_000_000L);
		String geometry = row.geoJson("geometry", false);
		double[] label = labelPoint(row);
		if (!row.valid()) {
			return null;
		}
		RegionCode parsed = RegionCode.parse(code).orElseThrow();
		String impliedType = parsed.impliedType();
		if (type != null && !compatible(parsed.level(), type)) {
			row.reject("type", type, "does not fit a level-" + parsed.level() + " code (expected " + impliedType + ")");
			return null;
		}
		return new Object[] { code, parsed.level(), type == null ? impliedType : type, name,
				parsed.parent().orElse(null), codeVersion == null ? DEFAULT_CODE_VERSION : codeVersion, area,
				population, geometry, label == null ? null : label[0], label == null ? null : label[1] };
	}

	private static double[] labelPoint(RowReader row) {
		if (row.has("labelLon") || row.has("labelLat")) {
			BigDecimal lon = row.decimal("labelLon", true, BigDecimal.valueOf(RowReader.MIN_LON),
					BigDecimal.valueOf(RowReader.MAX_LON), 7);
			BigDecimal lat = row.decimal("labelLat", true, BigDecimal.valueOf(RowReader.MIN_LAT),
					BigDecimal.valueOf(RowReader.MAX_LAT), 7);
			return (lon == null || lat == null) ? null : new double[] { lon.doubleValue(), lat.doubleValue() };
		}
		return row.point("labelPoint", false);
	}

	private static boolean compatible(int level, String type) {
		return switch (level) {
			case 1 -> type.equals("provinsi");
			case 2 -> type.equals("kabupaten") || type.equals("kota");
			case 3 -> type.equals("kecamatan");
			default -> type.equals("kelurahan") || type.equals("desa") || type.equals("desa_adat");
		};
	}

	@Override
	public Object[] readKey(RowReader row) {
		String code = row.regionCode("code", true, 0);
		return code == null ? null : new Object[] { code, null, null, null, null, null, null, null, null, null, null };
	}

	@Override
	public String recordId(Object[] values) {
		return (String) values[0];
	}

	@Override
	public List<String> idFields() {
		return List.of("code");
	}

	@Override
	public String table() {
		return "region";
	}

	@Override
	public String keyPredicate() {
		return "t.code = s.record_id";
	}

	@Override
	public List<String> keyColumns() {
		return List.of("code");
	}

	@Override
	public List<Column> targetColumns() {
		return List.of(new Column("code", "s.code"), new Column("level", "s.level"), new Column("type", "s.type"),
				new Column("name", "s.name"), new Column("parent_code", "s.parent_code"),
				new Column("code_version", "s.code_version"), new Column("area_km2", "s.area_km2::numeric(12,3)"),
				new Column("population", "s.population"),
				new Column("geom", GeometryChecks.multiPolygon("geom_json", this.repairGeometries)),
				new Column("label_point", "ST_SetSRID(ST_MakePoint(s.label_lon, s.label_lat), 4326)"));
	}

	@Override
	public List<String> databaseChecks() {
		return List.of("""
				select s.row_no, 'code', s.parent_code, 'parent region ' || s.parent_code || ' does not exist'
				from stage s
				where s.op = 'upsert' and s.parent_code is not null
				  and not exists (select 1 from region r where r.code = s.parent_code)
				  and not exists (select 1 from stage p where p.record_id = s.parent_code and p.op = 'upsert')""",
				GeometryChecks.polygonChecks("geom_json", "geometry", this.repairGeometries));
	}

	@Override
	public ScopeColumns scopeColumns() {
		return new ScopeColumns("code", null);
	}

	/** Deleting a village that activities refer to is refused. */
	@Override
	public List<String> deleteGuards() {
		return List.of(ReferenceChecks.stillReferencedByActivities("village_code", "village"));
	}

}
