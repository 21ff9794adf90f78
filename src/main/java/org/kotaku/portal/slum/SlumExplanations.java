package org.kotaku.portal.slum;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Explains a slum area's level from its assessment: each criterion's percentage is volume
 * / denominator x 100, the score band that contains the percentage gives its score (0, 1,
 * 3 or 5), the scores add up to the total, and the level band that contains the total
 * gives the level, all under the assessment's regulation.
 */
@Component
class SlumExplanations {

	static final String RULE = "percentage = volume / denominator x 100 per criterion; the score band containing the "
			+ "percentage gives the score (0/1/3/5); total = sum of the scores; the level band containing the total "
			+ "gives the level.";

	private final SlumExplanationRepository repository;

	SlumExplanations(SlumExplanationRepository repository) {
		this.repository = repository;
	}

	/**
	 * The explanation of the latest assessment (year 0) or of the latest in {@code year};
	 * empty when none.
	 */
	Mono<Map<String, Object>> explain(String slumArea, int year) {
		return this.repository.findAssessment(slumArea, year).flatMap(this::withCriteria);
	}

	private Mono<Map<String, Object>> withCriteria(Map<String, Object> assessment) {
		return this.repository.findCriteria((String) assessment.get("id"))
			.collectList()
			.flatMap((criteria) -> withLevelBand(assessment, criteria));
	}

	@SuppressWarnings("unchecked")
	private Mono<Map<String, Object>> withLevelBand(Map<String, Object> assessment,
			List<Map<String, Object>> criteria) {
		long total = criteria.stream()
			.map((c) -> (Long) c.get("score"))
			.filter((s) -> s != null)
			.mapToLong(Long::longValue)
			.sum();
		String regulation = (String) ((Map<String, Object>) assessment.get("regulation")).get("code");
		return this.repository.findLevelBand(regulation, (int) total)
			.map((band) -> explanation(assessment, criteria, total, band));
	}

	private static Map<String, Object> explanation(Map<String, Object> assessment, List<Map<String, Object>> criteria,
			long total, Map<String, Object> band) {
		Map<String, Object> explanation = new LinkedHashMap<>();
		explanation.put("assessmentId", assessment.get("id"));
		explanation.put("year", assessment.get("year"));
		explanation.put("kind", assessment.get("kind"));
		explanation.put("regulation", assessment.get("regulation"));
		explanation.put("criteria", criteria);
		explanation.put("totalScore", total);
		explanation.put("levelBand", band);
		explanation.put("level", band.get("level"));
		explanation.put("rule", RULE);
		explanation.put("matchesStoredScore", total == (Long) assessment.get("storedTotalScore")
				&& band.get("level").equals(assessment.get("storedLevel")));
		return explanation;
	}

}
