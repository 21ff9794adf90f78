package org.kotaku.portal.readmodel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.kotaku.portal.demo.DemoDataset;
import org.kotaku.portal.demo.DemoScale;
import org.kotaku.portal.ingest.batch.BatchReport;
import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.ingest.batch.IngestRequest;
import org.kotaku.portal.ingest.IngestService;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.ReadModels;
import org.kotaku.portal.support.TinyDemo;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refresh after a batch patches the snapshot being served with the villages the batch
 * changed (the change log the triggers of migration V56 fill), and the patched snapshot
 * holds exactly the figures a whole build of the same data version gives: after
 * activities are added, moved to another regency and deleted, allocations and their
 * tranches change, access figures change, a slum area and its assessments come and go. A
 * batch that needs a whole build (a new fiscal year, changed regions) gets one.
 */
@IntegrationTest
@WithTinyDemo
class ReadModelPatchIntegrationTests {

	@Autowired
	IngestService ingest;

	@Autowired
	ReadModel readModel;

	@Autowired
	SnapshotRepository repository;

	private final DemoDataset demo = new DemoDataset(DemoScale.TINY, TinyDemo.SEED);

	@Test
	void everyKindOfBatchIsPatchedIntoTheFiguresAWholeBuildGives() {
		ReadModels.awaitLatest(this.readModel);
		Map<String, Object> allocation = template(Dataset.ALLOCATIONS, "PATCH-ALC-1");
		String village = (String) allocation.get("village");
		String elsewhere = villageOutside(village.substring(0, 5));

		Map<String, Object> activity = template(Dataset.ACTIVITIES, "PATCH-ACT-1");
		activity.remove("allocationId");
		activity.remove("slumAreaId");
		activity.put("village", village);
		commit(Dataset.ACTIVITIES, activity);
		assertPatchedLikeWhole("a new activity");

		activity.put("village", elsewhere);
		activity.put("status", "completed");
		commit(Dataset.ACTIVITIES, activity);
		assertPatchedLikeWhole("the activity moved to another regency");

		allocation.put("ceilingIdr", 450_000_000L);
		allocation.put("tranches", List.of(tranche(1, "disbursed", 150_000_000L, allocation)));
		commit(Dataset.ALLOCATIONS, allocation);
		assertPatchedLikeWhole("a new allocation with a paid tranche");

		allocation.put("tranches", List.of(tranche(1, "disbursed", 150_000_000L, allocation),
				tranche(2, "disbursed", 200_000_000L, allocation)));
		commit(Dataset.ALLOCATIONS, allocation);
		assertPatchedLikeWhole("a second tranche paid");

		Map<String, Object> access = template(Dataset.ACCESS_INDICATORS, null);
		Map<String, Object> changedAccess = new LinkedHashMap<>(access);
		changedAccess.put("safeWaterPct", 12.5);
		commit(Dataset.ACCESS_INDICATORS, changedAccess);
		assertPatchedLikeWhole("changed access figures");
		commit(Dataset.ACCESS_INDICATORS, access);
		assertPatchedLikeWhole("access figures restored");

		Map<String, Object> slum = template(Dataset.SLUM_AREAS, "PATCH-SLUM-1");
		slum.put("villages", List.of(elsewhere));
		slum.put("regency", elsewhere.substring(0, 5));
		slum.remove("decreeId");
		slum.remove("decreeNumber");
		slum.remove("decreeDate");
		slum.remove("decreeIssuer");
		commit(Dataset.SLUM_AREAS, slum);
		assertPatchedLikeWhole("a new slum area, never assessed");

		List<Map<String, Object>> assessments = assessmentsOf(slum);
		commit(Dataset.ASSESSMENTS, assessments.toArray(Map[]::new));
		assertPatchedLikeWhole("its assessments");

		commit(Dataset.ASSESSMENTS, assessments.stream().map((a) -> delete(a.get("id"))).toArray(Map[]::new));
		commit(Dataset.SLUM_AREAS, delete("PATCH-SLUM-1"));
		commit(Dataset.ALLOCATIONS, delete("PATCH-ALC-1"));
		commit(Dataset.ACTIVITIES, delete("PATCH-ACT-1"));
		assertPatchedLikeWhole("everything of this test deleted again, four batches in one refresh or more");
	}

	@Test
	void aNewFiscalYearOrChangedRegionsBuildTheSnapshotWhole() {
		Map<String, Object> activity = template(Dataset.ACTIVITIES, "PATCH-ACT-2040");
		activity.remove("allocationId");
		activity.remove("slumAreaId");
		activity.put("fiscalYear", 2040);
		commit(Dataset.ACTIVITIES, activity);
		assertBuiltWhole("an activity of a year nothing else has");
		commit(Dataset.ACTIVITIES, delete("PATCH-ACT-2040"));
		assertBuiltWhole("the year gone again");

		Map<String, Object> province = new LinkedHashMap<>(this.demo.rows(Dataset.REGIONS).blockFirst());
		Map<String, Object> renamed = new LinkedHashMap<>(province);
		renamed.put("name", province.get("name") + " (renamed)");
		commit(Dataset.REGIONS, renamed);
		assertBuiltWhole("a renamed province");
		commit(Dataset.REGIONS, province);
		assertBuiltWhole("its name restored");
	}

	private void assertPatchedLikeWhole(String after) {
		Snapshot served = ReadModels.awaitLatest(this.readModel);
		assertThat(served.origin()).as("patched after " + after).isEqualTo(Snapshot.Origin.PATCHED);
		assertSameFiguresAsWhole(served, after);
	}

	private void assertBuiltWhole(String after) {
		Snapshot served = ReadModels.awaitLatest(this.readModel);
		assertThat(served.origin()).as("built whole after " + after).isEqualTo(Snapshot.Origin.BUILT);
		assertSameFiguresAsWhole(served, after);
	}

	private void assertSameFiguresAsWhole(Snapshot served, String after) {
		Snapshot whole = this.repository.load(Schedulers.boundedElastic(), null, true, ReplicaCatchUp.NO_FLOOR)
			.block(Duration.ofMinutes(1));
		assertThat(whole).isNotNull();
		assertThat(whole.version().version()).as("no other batch in between").isEqualTo(served.version().version());
		assertThat(differences(served, whole)).as("figures that differ from a whole build after " + after).isEmpty();
		assertThat(served.sameFigures(whole)).isTrue();
	}

	/** The regions (and type keys) whose figures differ, for a readable failure. */
	private static List<String> differences(Snapshot a, Snapshot b) {
		List<String> differences = new ArrayList<>();
		if (!a.years().equals(b.years())) {
			differences.add("years " + a.years() + " vs " + b.years());
		}
		Set<String> codes = new TreeSet<>(a.tallies().keySet());
		codes.addAll(b.tallies().keySet());
		codes.stream()
			.filter((code) -> !java.util.Arrays.equals(a.tallies().get(code), b.tallies().get(code)))
			.forEach((code) -> differences.add("tallies of '" + code + "'"));
		Set<String> keys = new TreeSet<>(a.typeFigures().keySet());
		keys.addAll(b.typeFigures().keySet());
		keys.stream()
			.filter((key) -> !Objects.equals(a.typeFigures().get(key), b.typeFigures().get(key)))
			.forEach((key) -> differences.add("types of '" + key + "'"));
		for (int year : a.years()) {
			if (a.regenciesReporting("", year) != b.regenciesReporting("", year)) {
				differences.add("regencies reporting in " + year);
			}
		}
		return differences;
	}

	private Map<String, Object> template(Dataset dataset, String id) {
		Map<String, Object> row = new LinkedHashMap<>(this.demo.rows(dataset).blockFirst());
		if (id != null) {
			row.put("id", id);
		}
		return row;
	}

	private List<Map<String, Object>> assessmentsOf(Map<String, Object> slum) {
		String template = (String) this.demo.rows(Dataset.SLUM_AREAS).blockFirst().get("id");
		return this.demo.rows(Dataset.ASSESSMENTS)
			.filter((row) -> template.equals(row.get("slumAreaId")))
			.map((row) -> {
				Map<String, Object> copy = new LinkedHashMap<>(row);
				copy.put("id", "PATCH-" + row.get("id"));
				copy.put("slumAreaId", slum.get("id"));
				return copy;
			})
			.collectList()
			.block();
	}

	private static Map<String, Object> tranche(int number, String status, long amount, Map<String, Object> allocation) {
		Map<String, Object> tranche = new LinkedHashMap<>();
		tranche.put("tranche", number);
		tranche.put("status", status);
		tranche.put("date", allocation.get("fiscalYear") + "-0" + (3 + number) + "-10");
		tranche.put("amountIdr", amount);
		return tranche;
	}

	private static Map<String, Object> delete(Object id) {
		return Map.of("op", "delete", "id", id);
	}

	/** A village of the demo in another regency than {@code regency}. */
	private String villageOutside(String regency) {
		return this.demo.rows(Dataset.REGIONS)
			.map((row) -> (String) row.get("code"))
			.filter((code) -> code.length() > 8 && !code.startsWith(regency + "."))
			.blockFirst();
	}

	@SafeVarargs
	private BatchReport commit(Dataset dataset, Map<String, Object>... rows) {
		return this.ingest.ingest(IngestRequest.upsert(dataset, "patch-test", false), Flux.just(rows))
			.block(Duration.ofMinutes(1));
	}

}
