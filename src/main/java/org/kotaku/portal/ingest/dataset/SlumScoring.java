package org.kotaku.portal.ingest.dataset;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scoring rules of the slum regulations (reference data loaded from the database):
 * each criterion's percentage is its volume over its denominator, the score band turns
 * the percentage into 0/1/3/5, and the level band turns the total into tidak kumuh /
 * ringan / sedang / berat (shared/DOMAIN.md 1.2-1.4).
 */
public record SlumScoring(Map<String, Regulation> regulations) {

	public record Criterion(String code, String denominator) {
	}

	public record ScoreBand(BigDecimal minPct, int score) {
	}

	public record LevelBand(String level, int minScore, int maxScore) {
	}

	public record Regulation(String code, List<Criterion> criteria, List<ScoreBand> scoreBands,
			List<LevelBand> levelBands) {

		int score(BigDecimal pct) {
			int score = 0;
			for (ScoreBand band : this.scoreBands) {
				if (pct.compareTo(band.minPct()) >= 0) {
					score = Math.max(score, band.score());
				}
			}
			return score;
		}

		String level(int total) {
			return this.levelBands.stream()
				.filter((b) -> total >= b.minScore() && total <= b.maxScore())
				.map(LevelBand::level)
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no level band for total " + total));
		}

	}

	/** One criterion's computed figures. */
	public record CriterionScore(String criterion, BigDecimal volume, BigDecimal percentage, int score) {
	}

	/** The computed result of an assessment. */
	public record Result(List<CriterionScore> scores, int total, String level, BigDecimal meanPct) {
	}

	/**
	 * Scores one assessment. {@code volumes} holds a volume for every criterion of the
	 * regulation; {@code denominators} the header figures by denominator name. A zero
	 * denominator gives 0 %.
	 */
	public Result score(String regulation, Map<String, BigDecimal> volumes, Map<String, BigDecimal> denominators) {
		Regulation rules = this.regulations.get(regulation);
		List<CriterionScore> scores = new ArrayList<>(rules.criteria().size());
		BigDecimal pctSum = BigDecimal.ZERO;
		int total = 0;
		for (Criterion criterion : rules.criteria()) {
			BigDecimal volume = volumes.get(criterion.code());
			BigDecimal pct = percentage(volume, denominators.get(criterion.denominator()));
			int score = rules.score(pct);
			scores.add(new CriterionScore(criterion.code(), volume, pct, score));
			pctSum = pctSum.add(pct);
			total += score;
		}
		BigDecimal mean = pctSum.divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
		return new Result(scores, total, rules.level(total), mean);
	}

	static BigDecimal percentage(BigDecimal volume, BigDecimal denominator) {
		if (denominator == null || denominator.signum() == 0) {
			return BigDecimal.ZERO.setScale(2);
		}
		BigDecimal pct = volume.multiply(BigDecimal.valueOf(100)).divide(denominator, 2, RoundingMode.HALF_UP);
		return pct.min(BigDecimal.valueOf(100).setScale(2));
	}

}
