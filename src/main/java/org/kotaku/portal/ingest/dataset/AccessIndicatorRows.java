package org.kotaku.portal.ingest.dataset;

import org.kotaku.portal.ingest.validation.ReferenceChecks;
import org.kotaku.portal.ingest.validation.RowReader;

import java.math.BigDecimal;
import java.util.List;

/**
 * The {@code access-indicators} dataset: the 100-0-100 access figures of a village in a
 * year.
 */
final class AccessIndicatorRows implements DatasetSpec {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	@Override
	public Dataset dataset() {
		return Dataset.ACCESS_INDICATORS;
	}

	@Override
	public List<Column> stageColumns() {
		return List.of(new Column("village_code", "text"), new Column("year", "smallint"),
				new Column("households", "integer"), new Column("people", "integer"),
				new Column("safe_water_pct", "numeric"), new Column("sanitation_pct", "numeric"),
				new Column("waste_service_pct", "numeric"), new Column("slum_ha", "numeric"));
	}

	@Override
	public Object[] read(RowReader row) {
		String village = row.regionCode("village", true, 4);
		Long year = row.integer("year", true, 2010, 2100);
		Long households = row.integer("households", false, 0, 10_000_000);
		Long people = row.integer("people", false, 0, 100_000_000);
		BigDecimal water = row.decimal("safeWaterPct", false, BigDecimal.ZERO, HUNDRED, 2);
		BigDecimal sanitation = row.decimal("sanitationPct", false, BigDecimal.ZERO, HUNDRED, 2);
		BigDecimal waste = row.decimal("wasteServicePct", false, BigDecimal.ZERO, HUNDRED, 2);
		BigDecimal slumHa = row.decimal("slumHa", false, BigDecimal.ZERO, new BigDecimal("99999999"), 2);
		if (!row.valid()) {
			return null;
		}
		return new Object[] { village, year, households, people, water, sanitation, waste, slumHa };
	}

	@Override
	public Object[] readKey(RowReader row) {
		String village = row.regionCode("village", true, 4);
		Long year = row.integer("year", true, 2010, 2100);
		return row.valid() ? new Object[] { village, year, null, null, null, null, null, null } : null;
	}

	@Override
	public String recordId(Object[] values) {
		return values[0] + "/" + values[1];
	}

	@Override
	public List<String> idFields() {
		return List.of("village", "year");
	}

	@Override
	public String table() {
		return "access_indicator";
	}

	@Override
	public String keyPredicate() {
		return "t.village_code = s.village_code and t.year = s.year";
	}

	@Override
	public List<String> keyColumns() {
		return List.of("village_code", "year");
	}

	@Override
	public List<Column> targetColumns() {
		return List.of(new Column("village_code", "s.village_code"), new Column("year", "s.year"),
				new Column("households", "s.households"), new Column("people", "s.people"),
				new Column("safe_water_pct", "s.safe_water_pct::numeric(5,2)"),
				new Column("sanitation_pct", "s.sanitation_pct::numeric(5,2)"),
				new Column("waste_service_pct", "s.waste_service_pct::numeric(5,2)"),
				new Column("slum_ha", "s.slum_ha::numeric(10,2)"));
	}

	@Override
	public List<String> databaseChecks() {
		return List.of(ReferenceChecks.villageExists());
	}

	@Override
	public ScopeColumns scopeColumns() {
		return new ScopeColumns("village_code", "year");
	}

}
