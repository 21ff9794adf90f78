package org.kotaku.portal.slum;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what explains a slum area's level from the reference tables: the assessment, its
 * regulation, each criterion's volume, denominator, percentage, score and score band, and
 * the level band its total falls in.
 */
@Repository
class SlumExplanationRepository {

	private static final String ASSESSMENT = """
			select a.id, a.year, a.kind, a.regulation, g.title, g.criteria_count, g.max_score, a.total_score, a.level
			from assessment a join regulation g on g.code = a.regulation
			where a.slum_area_id = :slumArea and (:year = 0 or a.year = :year)
			order by a.year desc, array_position(array['baseline', 'sk', 'r0', 'final'], a.kind) desc
			limit 1""";

	private static final String CRITERIA = """
			select c.code, c.aspect, c.aspect_name, c.name, c.unit, c.denominator, sc.volume, sc.percentage, sc.score,
			       case c.denominator when 'buildings' then a.buildings::numeric when 'households' then a.households::numeric
			           when 'area_ha' then a.area_ha when 'road_length_m' then a.road_length_m
			           when 'drain_length_m' then a.drain_length_m end as denominator_value,
			       b.min_pct, b.max_pct
			from assessment a
			join criterion c on c.regulation = a.regulation
			left join assessment_score sc on sc.assessment_id = a.id and sc.criterion = c.code
			left join score_band b on b.regulation = a.regulation and sc.percentage between b.min_pct and b.max_pct
			where a.id = :assessment
			order by c.sort_order""";

	private static final String LEVEL_BAND = """
			select level, min_score, max_score from level_band
			where regulation = :regulation and :total between min_score and max_score""";

	private final DatabaseClient db;

	SlumExplanationRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * The latest assessment of the area (year 0) or its latest in {@code year}; empty
	 * when there is none.
	 */
	Mono<Map<String, Object>> findAssessment(String slumArea, int year) {
		return this.db.sql(ASSESSMENT)
			.bind("slumArea", slumArea)
			.bind("year", (short) year)
			.map(SlumExplanationRepository::assessment)
			.one();
	}

	/** Each criterion of the assessment's regulation, in the regulation's order. */
	Flux<Map<String, Object>> findCriteria(String assessment) {
		return this.db.sql(CRITERIA).bind("assessment", assessment).map(SlumExplanationRepository::criterion).all();
	}

	/**
	 * The level band of a regulation that contains {@code total}; empty when none does.
	 */
	Mono<Map<String, Object>> findLevelBand(String regulation, int total) {
		return this.db.sql(LEVEL_BAND)
			.bind("regulation", regulation)
			.bind("total", (short) total)
			.map(SlumExplanationRepository::levelBand)
			.one();
	}

	private static Map<String, Object> assessment(Readable row) {
		Map<String, Object> assessment = new LinkedHashMap<>();
		assessment.put("id", row.get("id", String.class));
		assessment.put("year", number(row, "year"));
		assessment.put("kind", row.get("kind", String.class));
		Map<String, Object> regulation = new LinkedHashMap<>();
		regulation.put("code", row.get("regulation", String.class));
		regulation.put("title", row.get("title", String.class));
		regulation.put("criteriaCount", number(row, "criteria_count"));
		regulation.put("maxScore", number(row, "max_score"));
		assessment.put("regulation", regulation);
		assessment.put("storedTotalScore", number(row, "total_score"));
		assessment.put("storedLevel", row.get("level", String.class));
		return assessment;
	}

	private static Map<String, Object> criterion(Readable row) {
		Map<String, Object> criterion = new LinkedHashMap<>();
		criterion.put("code", row.get("code", String.class));
		criterion.put("aspect", number(row, "aspect"));
		criterion.put("aspectName", row.get("aspect_name", String.class));
		criterion.put("name", row.get("name", String.class));
		criterion.put("unit", row.get("unit", String.class));
		criterion.put("volume", row.get("volume", BigDecimal.class));
		Map<String, Object> denominator = new LinkedHashMap<>();
		denominator.put("name", row.get("denominator", String.class));
		denominator.put("value", row.get("denominator_value", BigDecimal.class));
		criterion.put("denominator", denominator);
		criterion.put("percentage", row.get("percentage", BigDecimal.class));
		criterion.put("score", Optional.ofNullable(row.get("score")).map((s) -> ((Number) s).longValue()).orElse(null));
		BigDecimal min = row.get("min_pct", BigDecimal.class);
		Map<String, Object> band = new LinkedHashMap<>();
		band.put("minPct", min);
		band.put("maxPct", row.get("max_pct", BigDecimal.class));
		criterion.put("scoreBand", min == null ? null : band);
		return criterion;
	}

	private static Map<String, Object> levelBand(Readable row) {
		Map<String, Object> band = new LinkedHashMap<>();
		band.put("level", row.get("level", String.class));
		band.put("minScore", number(row, "min_score"));
		band.put("maxScore", number(row, "max_score"));
		return band;
	}

	private static Long number(Readable row, String column) {
		Object value = row.get(column);
		return value == null ? null : ((Number) value).longValue();
	}

}
