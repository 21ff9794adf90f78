package org.kotaku.portal.ingest.dataset;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.vocabulary.AssessmentKind;
import org.kotaku.portal.catalog.vocabulary.SlumLevel;
import org.kotaku.portal.ingest.validation.Json;
import org.kotaku.portal.ingest.validation.RowReader;

/**
 * The {@code assessments} dataset: one scoring of a slum area in one year, given as the
 * volume of every criterion of its regulation (a {@code volumes} object, or
 * {@code volume1a}... columns in CSV). The portal computes each percentage, score, the
 * total and the level; a supplied {@code totalScore} or {@code level} that disagrees is
 * an error.
 */
final class AssessmentRows extends IdKeyedRows {

	private static final BigDecimal MAX_FIGURE = new BigDecimal("999999999");

	private final SlumScoring scoring;

	AssessmentRows(SlumScoring scoring) {
		this.scoring = scoring;
	}

	@Override
	public Dataset dataset() {
		return Dataset.ASSESSMENTS;
	}

	@Override
	public List<Column> stageColumns() {
		return List.of(new Column("id", "text"), new Column("slum_area_id", "text"), new Column("year", "smallint"),
				new Column("kind", "text"), new Column("regulation", "text"), new Column("area_ha", "numeric"),
				new Column("buildings", "integer"), new Column("households", "integer"),
				new Column("people", "integer"), new Column("road_length_m", "numeric"),
				new Column("drain_length_m", "numeric"), new Column("total_score", "smallint"),
				new Column("level", "text"), new Column("mean_pct", "numeric"), new Column("scores", "jsonb"));
	}

	@Override
	public Object[] read(RowReader row) {
		String id = row.text("id", true, 100);
		String slumArea = row.text("slumAreaId", true, 100);
		Long year = row.integer("year", true, 2010, 2100);
		String kind = row.choice("kind", true, Term.codes(AssessmentKind.class));
		String regulation = row.choice("regulation", false, this.scoring.regulations().keySet());
		regulation = regulation == null ? "14/2018" : regulation;
		BigDecimal area = row.decimal("areaHa", true, new BigDecimal("0.01"), MAX_FIGURE, 2);
		Long buildings = row.integer("buildings", true, 0, 10_000_000);
		Long households = row.integer("households", true, 0, 10_000_000);
		Long people = row.integer("people", false, 0, 100_000_000);
		BigDecimal road = row.decimal("roadLengthM", false, BigDecimal.ZERO, MAX_FIGURE, 2);
		BigDecimal drain = row.decimal("drainLengthM", false, BigDecimal.ZERO, MAX_FIGURE, 2);
		Long suppliedTotal = row.integer("totalScore", false, 0, 95);
		String suppliedLevel = row.choice("level", false, Term.codes(SlumLevel.class));
		Map<String, BigDecimal> denominators = new HashMap<>();
		denominators.put("buildings", buildings == null ? null : BigDecimal.valueOf(buildings));
		denominators.put("households", households == null ? null : BigDecimal.valueOf(households));
		denominators.put("area_ha", area);
		denominators.put("road_length_m", road);
		denominators.put("drain_length_m", drain);
		Map<String, BigDecimal> volumes = volumes(row, regulation, denominators);
		if (!row.valid()) {
			return null;
		}
		SlumScoring.Result result = this.scoring.score(regulation, volumes, denominators);
		if (suppliedTotal != null && suppliedTotal != result.total()) {
			row.reject("totalScore", suppliedTotal, "disagrees with the total computed from the criteria ("
					+ result.total() + " under " + regulation + ")");
		}
		if (suppliedLevel != null && !suppliedLevel.equals(result.level())) {
			row.reject("level", suppliedLevel, "disagrees with the level computed from the criteria (" + result.level()
					+ " under " + regulation + ")");
		}
		if (!row.valid()) {
			return null;
		}
		return new Object[] { id, slumArea, year, kind, regulation, area, buildings, households, people, road, drain,
				result.total(), result.level(), result.meanPct(), scoresJson(regulation, result) };
	}

	private Map<String, BigDecimal> volumes(RowReader row, String regulation, Map<String, BigDecimal> denominators) {
		Object nested = row.raw("volumes");
		Map<String, BigDecimal> volumes = new LinkedHashMap<>();
		for (SlumScoring.Criterion criterion : this.scoring.regulations().get(regulation).criteria()) {
			String field = "volume" + criterion.code();
			Object value = nested instanceof Map<?, ?> map ? map.get(criterion.code()) : row.raw(field);
			RowReader single = new RowReader(row.rowNumber(), value == null ? Map.of() : Map.of(field, value));
			BigDecimal volume = single.decimal(field, true, BigDecimal.ZERO, MAX_FIGURE, 2);
			single.errors()
				.forEach((e) -> row.reject(nested instanceof Map ? "volumes." + criterion.code() : field, e.value(),
						e.message() + " (criterion " + criterion.code() + " of " + regulation + ")"));
			BigDecimal denominator = denominators.get(criterion.denominator());
			if (volume != null && denominator != null && volume.compareTo(denominator) > 0) {
				row.reject(nested instanceof Map ? "volumes." + criterion.code() : field, volume.toPlainString(),
						"exceeds its denominator " + criterion.denominator() + " (" + denominator.toPlainString()
								+ ")");
			}
			volumes.put(criterion.code(), volume);
		}
		return volumes;
	}

	private static String scoresJson(String regulation, SlumScoring.Result result) {
		return Json.write(result.scores()
			.stream()
			.map((s) -> Map.of("regulation", regulation, "criterion", s.criterion(), "volume", s.volume(), "percentage",
					s.percentage(), "score", s.score()))
			.toList());
	}

	@Override
	public String table() {
		return "assessment";
	}

	@Override
	public List<Column> targetColumns() {
		return List.of(new Column("id", "s.id"), new Column("slum_area_id", "s.slum_area_id"),
				new Column("year", "s.year"), new Column("kind", "s.kind"), new Column("regulation", "s.regulation"),
				new Column("area_ha", "s.area_ha::numeric(10,2)"), new Column("buildings", "s.buildings"),
				new Column("households", "s.households"), new Column("people", "s.people"),
				new Column("road_length_m", "s.road_length_m::numeric(12,2)"),
				new Column("drain_length_m", "s.drain_length_m::numeric(12,2)"),
				new Column("total_score", "s.total_score"), new Column("level", "s.level"),
				new Column("mean_pct", "s.mean_pct::numeric(6,2)"));
	}

	@Override
	public List<Column> extraComparisons() {
		return List.of(new Column("""
				(select jsonb_agg(jsonb_build_object('criterion', x.criterion, 'volume', x.volume) order by x.criterion)
				 from assessment_score x where x.assessment_id = t.id)""",
				"""
						(select jsonb_agg(jsonb_build_object('criterion', e ->> 'criterion', 'volume', (e ->> 'volume')::numeric(14,2))
						        order by e ->> 'criterion') from jsonb_array_elements(s.scores) e)"""));
	}

	@Override
	public List<String> databaseChecks() {
		return List.of("""
				select s.row_no, 'slumAreaId', s.slum_area_id, 'slum area ' || s.slum_area_id || ' does not exist'
				from stage s where s.op = 'upsert'
				  and not exists (select 1 from slum_area a where a.id = s.slum_area_id)""", """
				select s.row_no, 'id', s.id, 'slum area ' || s.slum_area_id || ' already has a ' || s.kind
				       || ' assessment for ' || s.year || ' (id ' || a.id || ')'
				from stage s join assessment a on a.slum_area_id = s.slum_area_id and a.year = s.year
				     and a.kind = s.kind and a.id <> s.id
				where s.op = 'upsert'""");
	}

	@Override
	public List<String> afterUpsert() {
		return List.of("""
				delete from assessment_score x using stage s join changed c on c.row_no = s.row_no
				where x.assessment_id = s.record_id""", """
				insert into assessment_score (assessment_id, regulation, criterion, volume, percentage, score)
				select s.record_id, e.regulation, e.criterion, e.volume, e.percentage, e.score
				from stage s join changed c on c.row_no = s.row_no
				cross join lateral jsonb_to_recordset(s.scores)
				     as e (regulation text, criterion text, volume numeric, percentage numeric, score smallint)""");
	}

	@Override
	public ScopeColumns scopeColumns() {
		return new ScopeColumns(null, "year");
	}

}
