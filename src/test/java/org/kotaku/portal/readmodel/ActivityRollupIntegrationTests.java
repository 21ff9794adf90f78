package org.kotaku.portal.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.kotaku.portal.ingest.batch.BatchReport;
import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.ingest.batch.IngestRequest;
import org.kotaku.portal.ingest.IngestService;
import org.kotaku.portal.readmodel.Tally.Slot;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.ReadModels;
import org.kotaku.portal.support.TestDatabase;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activity pre-aggregates the read model reads (activity_rollup,
 * activity_village_year) follow every activities batch (insert, change and move to
 * another village, replace-scope deletion of an unlocated activity, delete): they always
 * equal a fresh aggregation of the activity table, and the snapshot built from them shows
 * the same figures as a direct aggregation of the canonical rows.
 */
@IntegrationTest
@WithTinyDemo
class ActivityRollupIntegrationTests {

	private static final int YEAR = 2032;

	@Autowired
	IngestService ingest;

	@Autowired
	ReadModel readModel;

	@Test
	void everyActivitiesBatchKeepsTheRollupsEqualToTheActivities() throws Exception {
		assertRollupsMatchActivities();
		List<String> villages = villagesOf("73.71.");
		String home = villages.get(0);
		String other = villages.get(1);

		ingest(IngestRequest.upsert(Dataset.ACTIVITIES, "rollup-test", false),
				activity("rollup-1", home, "drainage", "ongoing", 40_000_000L),
				activity("rollup-2", home, "water", "completed", 75_000_000L));
		assertRollupsMatchActivities();
		assertSnapshotMatchesActivities(ReadModels.latestVersion());

		ingest(IngestRequest.upsert(Dataset.ACTIVITIES, "rollup-test", false),
				activity("rollup-1", other, "road", "completed", 41_000_000L));
		assertRollupsMatchActivities();
		assertThat(count("select count(*) from activity_rollup where village_code = '" + home + "' and fiscal_year = "
				+ YEAR + " and type = 'drainage'"))
			.as("the moved activity left its old village")
			.isZero();

		IngestRequest replace = new IngestRequest(Dataset.ACTIVITIES, "rollup-test", IngestRequest.Mode.REPLACE,
				new IngestRequest.Scope(home, YEAR), null, false, false, Instant.now());
		BatchReport replaced = ingest(replace, activity("rollup-3", home, "sanitation", "planned", 9_000_000L));
		assertThat(replaced.rowsDeleted()).as("rollup-2 (no location) left the scope's upload").isEqualTo(1);
		assertRollupsMatchActivities();

		BatchReport deleted = ingest(IngestRequest.upsert(Dataset.ACTIVITIES, "rollup-test", false),
				Map.of("op", "delete", "id", "rollup-1"));
		assertThat(deleted.rowsDeleted()).isEqualTo(1);
		assertRollupsMatchActivities();
		assertSnapshotMatchesActivities(ReadModels.latestVersion());
	}

	/**
	 * Figures of the snapshot, built from the rollups, against the same figures
	 * aggregated from activity.
	 */
	private void assertSnapshotMatchesActivities(long version) throws Exception {
		Snapshot snapshot = this.readModel.awaitVersion(version).block(Duration.ofSeconds(60));
		assertThat(snapshot).isNotNull();
		String figures = "select count(*), count(*) filter (where status = 'completed'), sum(budget_idr), "
				+ "sum(cost_bpm_idr), coalesce(sum(beneficiary_people), 0), coalesce(sum(labour_wages_idr), 0) "
				+ "from activity where ";
		Slot[] slots = { Slot.ACTIVITIES, Slot.COMPLETED, Slot.BUDGET, Slot.COST_BPM, Slot.BEN_PEOPLE, Slot.LAB_WAGES };
		assertThat(tallyOf(snapshot, Snapshot.NATIONAL, 0, slots)).isEqualTo(row(figures + "true", slots.length));
		assertThat(tallyOf(snapshot, "73.71", YEAR, slots))
			.isEqualTo(row(figures + "village_code like '73.71.%' and fiscal_year = " + YEAR, slots.length));
		Map<String, String> types = new TreeMap<>();
		snapshot.types("73.71", YEAR)
			.forEach((t) -> types.put(t.type(),
					t.count() + "," + t.completed() + "," + t.budgetIdr() + ","
							+ t.outputs()
								.stream()
								.map((o) -> o.unit() + "=" + o.volume().stripTrailingZeros().toPlainString())
								.toList()));
		assertThat(types).isEqualTo(typesFromActivities("73.71", YEAR));
	}

	private static List<Long> tallyOf(Snapshot snapshot, String code, int year, Slot[] slots) {
		Tally tally = snapshot.tally(code, year).orElseThrow();
		List<Long> values = new ArrayList<>();
		for (Slot slot : slots) {
			values.add(tally.get(slot));
		}
		return values;
	}

	private static Map<String, String> typesFromActivities(String regency, int year) throws Exception {
		Map<String, String> types = new TreeMap<>();
		try (Connection c = TestDatabase.shared().connect(); PreparedStatement s = c.prepareStatement("""
				select type, sum(n), sum(done), sum(budget),
				       coalesce(array_agg(output_unit || '=' || trim_scale(volume)::text order by output_unit)
				           filter (where output_unit is not null), '{}')
				from (select type, output_unit, count(*) as n, count(*) filter (where status = 'completed') as done,
				             sum(budget_idr) as budget, sum(output_volume) as volume
				      from activity where village_code like ? || '.%' and fiscal_year = ?
				      group by type, output_unit) t
				group by type""")) {
			s.setString(1, regency);
			s.setInt(2, year);
			try (ResultSet rows = s.executeQuery()) {
				while (rows.next()) {
					types.put(rows.getString(1), rows.getLong(2) + "," + rows.getLong(3) + "," + rows.getLong(4) + ","
							+ List.of((String[]) rows.getArray(5).getArray()));
				}
			}
		}
		return types;
	}

	/** Both tables hold exactly what a fresh aggregation of the activity table gives. */
	private static void assertRollupsMatchActivities() throws Exception {
		for (String table : List.of("activity_rollup", "activity_village_year")) {
			String stored = "select * from " + table;
			String fresh = "select * from " + table + "_source";
			assertThat(count("select count(*) from ((" + stored + " except all " + fresh + ") union all (" + fresh
					+ " except all " + stored + ")) d"))
				.as(table)
				.isZero();
		}
		assertThat(count("select count(*) from activity_village_year")).isPositive();
	}

	private BatchReport ingest(IngestRequest request, Map<String, Object>... rows) {
		return this.ingest.ingest(request, Flux.just(rows)).block(Duration.ofMinutes(1));
	}

	private static Map<String, Object> activity(String id, String village, String type, String status, long budget) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("op", "upsert");
		row.put("id", id);
		row.put("village", village);
		row.put("fiscalYear", YEAR);
		row.put("type", type);
		row.put("name", "Kegiatan uji " + id);
		row.put("status", status);
		row.put("physicalProgress", status.equals("completed") ? 100 : 10);
		row.put("outputVolume", 12.5);
		row.put("outputUnit", "m");
		row.put("budgetIdr", budget);
		row.put("costBpmIdr", budget);
		row.put("beneficiaryPeople", 120);
		row.put("labourWorkers", 8);
		row.put("labourPersonDays", 40);
		row.put("labourWagesIdr", 4_000_000L);
		return row;
	}

	private static List<Long> row(String sql, int columns) throws Exception {
		try (Connection c = TestDatabase.shared().connect();
				PreparedStatement s = c.prepareStatement(sql);
				ResultSet rows = s.executeQuery()) {
			rows.next();
			List<Long> values = new ArrayList<>();
			for (int i = 1; i <= columns; i++) {
				values.add(rows.getLong(i));
			}
			return values;
		}
	}

	private static List<String> villagesOf(String prefix) throws Exception {
		List<String> codes = new ArrayList<>();
		try (Connection c = TestDatabase.shared().connect();
				PreparedStatement s = c.prepareStatement(
						"select code from region where level = 4 and code like ? order by code limit 2")) {
			s.setString(1, prefix + "%");
			try (ResultSet rows = s.executeQuery()) {
				while (rows.next()) {
					codes.add(rows.getString(1));
				}
			}
		}
		return codes;
	}

	private static long count(String sql) throws Exception {
		return row(sql, 1).get(0);
	}

}
