package org.kotaku.portal.ingest.dataset;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The scoring rules of Permen PUPR 14/2018 as the reference data describes them. */
class SlumScoringTests {

	static final List<String> CRITERIA = List.of("1a", "1b", "1c", "2a", "2b", "3a", "3b", "4a", "4b", "4c", "5a", "5b",
			"6a", "6b", "7a", "7b");

	static SlumScoring rules() {
		List<SlumScoring.Criterion> criteria = CRITERIA.stream()
			.map((c) -> new SlumScoring.Criterion(c,
					c.startsWith("1") || c.startsWith("7") ? "buildings" : "households"))
			.toList();
		List<SlumScoring.ScoreBand> scores = List.of(new SlumScoring.ScoreBand(new BigDecimal("0"), 0),
				new SlumScoring.ScoreBand(new BigDecimal("24.995"), 1),
				new SlumScoring.ScoreBand(new BigDecimal("50.995"), 3),
				new SlumScoring.ScoreBand(new BigDecimal("75.995"), 5));
		List<SlumScoring.LevelBand> levels = List.of(new SlumScoring.LevelBand("tidak_kumuh", 0, 15),
				new SlumScoring.LevelBand("ringan", 16, 37), new SlumScoring.LevelBand("sedang", 38, 59),
				new SlumScoring.LevelBand("berat", 60, 80));
		return new SlumScoring(Map.of("14/2018", new SlumScoring.Regulation("14/2018", criteria, scores, levels)));
	}

	@Test
	void scoresEachCriterionByItsShareOfTheDenominator() {
		Map<String, BigDecimal> volumes = new HashMap<>();
		CRITERIA.forEach((c) -> volumes.put(c, BigDecimal.ZERO));
		volumes.put("1a", new BigDecimal("13")); // 13 of 100 buildings: 13 % -> 0
		volumes.put("6a", new BigDecimal("26")); // 26 of 100 households: 26 % -> 1
		volumes.put("6b", new BigDecimal("51")); // 51 % -> 3
		volumes.put("7a", new BigDecimal("100")); // 100 % -> 5
		SlumScoring.Result result = rules().score("14/2018", volumes,
				Map.of("buildings", new BigDecimal("100"), "households", new BigDecimal("100")));
		assertThat(result.scores()).filteredOn((s) -> s.criterion().equals("6b"))
			.singleElement()
			.satisfies((s) -> assertThat(s.score()).isEqualTo(3));
		assertThat(result.total()).isEqualTo(9);
		assertThat(result.level()).isEqualTo("tidak_kumuh");
	}

	@Test
	void levelBandsFollowTheTotal() {
		Map<String, BigDecimal> volumes = new HashMap<>();
		CRITERIA.forEach((c) -> volumes.put(c, new BigDecimal("80")));
		SlumScoring.Result all = rules().score("14/2018", volumes,
				Map.of("buildings", new BigDecimal("100"), "households", new BigDecimal("100")));
		assertThat(all.total()).isEqualTo(80);
		assertThat(all.level()).isEqualTo("berat");
		CRITERIA.forEach((c) -> volumes.put(c, new BigDecimal("30")));
		SlumScoring.Result light = rules().score("14/2018", volumes,
				Map.of("buildings", new BigDecimal("100"), "households", new BigDecimal("100")));
		assertThat(light.total()).isEqualTo(16);
		assertThat(light.level()).isEqualTo("ringan");
		assertThat(light.meanPct()).isEqualByComparingTo("30");
	}

	@Test
	void zeroDenominatorGivesZeroPercent() {
		assertThat(SlumScoring.percentage(BigDecimal.TEN, BigDecimal.ZERO)).isEqualByComparingTo("0");
	}

}
