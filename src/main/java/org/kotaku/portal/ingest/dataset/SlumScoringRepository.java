package org.kotaku.portal.ingest.dataset;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.kotaku.portal.api.PrimaryDatabase;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the slum regulations' criteria and bands (reference data of migration V2), on the
 * primary ingestion writes to.
 */
@Repository
class SlumScoringRepository {

	private final DatabaseClient db;

	SlumScoringRepository(PrimaryDatabase primary) {
		this.db = primary.db();
	}

	Mono<SlumScoring> load() {
		Mono<List<Map<String, Object>>> criteria = this.db
			.sql("select regulation, code, denominator from criterion order by regulation, sort_order")
			.fetch()
			.all()
			.collectList();
		Mono<List<Map<String, Object>>> scores = this.db
			.sql("select regulation, min_pct, score from score_band order by regulation, score")
			.fetch()
			.all()
			.collectList();
		Mono<List<Map<String, Object>>> levels = this.db
			.sql("select regulation, level, min_score, max_score from level_band order by regulation, min_score")
			.fetch()
			.all()
			.collectList();
		return Mono.zip(criteria, scores, levels).map((t) -> toScoring(t.getT1(), t.getT2(), t.getT3()));
	}

	private static SlumScoring toScoring(List<Map<String, Object>> criteria, List<Map<String, Object>> scores,
			List<Map<String, Object>> levels) {
		Map<String, SlumScoring.Regulation> regulations = new LinkedHashMap<>();
		for (String code : criteria.stream().map((r) -> (String) r.get("regulation")).distinct().toList()) {
			List<SlumScoring.Criterion> c = new ArrayList<>();
			criteria.stream()
				.filter((r) -> code.equals(r.get("regulation")))
				.forEach(
						(r) -> c.add(new SlumScoring.Criterion((String) r.get("code"), (String) r.get("denominator"))));
			List<SlumScoring.ScoreBand> s = scores.stream()
				.filter((r) -> code.equals(r.get("regulation")))
				.map((r) -> new SlumScoring.ScoreBand((BigDecimal) r.get("min_pct"),
						((Number) r.get("score")).intValue()))
				.toList();
			List<SlumScoring.LevelBand> l = levels.stream()
				.filter((r) -> code.equals(r.get("regulation")))
				.map((r) -> new SlumScoring.LevelBand((String) r.get("level"), ((Number) r.get("min_score")).intValue(),
						((Number) r.get("max_score")).intValue()))
				.toList();
			regulations.put(code, new SlumScoring.Regulation(code, List.copyOf(c), s, l));
		}
		return new SlumScoring(Map.copyOf(regulations));
	}

}
