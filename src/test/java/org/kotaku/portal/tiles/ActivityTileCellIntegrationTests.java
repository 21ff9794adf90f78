package org.kotaku.portal.tiles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.kotaku.portal.ingest.batch.BatchReport;
import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.ingest.batch.IngestRequest;
import org.kotaku.portal.ingest.IngestService;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.TestDatabase;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activity pre-aggregates behind the low-zoom activity tiles (all years and types; by
 * regency, year and type) follow every activities batch (insert, move to another village,
 * replace-scope deletion, delete) in the batch's own data version: they always equal a
 * fresh computation from the activity table, and the versioned cluster tile counts the
 * batch's activities, also when filtered by the batch's year.
 */
@IntegrationTest
@WithTinyDemo
class ActivityTileCellIntegrationTests {

	private static final int ZOOM = 10;

	private static final int YEAR = 2031;

	@Autowired
	WebTestClient client;

	@Autowired
	IngestService ingest;

	@Test
	void everyActivitiesBatchUpdatesTheCellsAndTheTileInItsOwnVersion() throws Exception {
		List<String> villages = villagesOf("64.71.");
		String home = villages.get(0);
		String other = villages.get(1);
		double[] here = { 116.8312345, -1.2412345 };
		double[] there = { 116.9912345, -1.0212345 }; // another zoom-10 tile
		int[] tile = TileIntegrationTests.xy(here[0], here[1], ZOOM);
		long before = clusteredCount(currentVersion(), tile);

		BatchReport inserted = ingest(IngestRequest.upsert(Dataset.ACTIVITIES, "tile-cell-test", false),
				activity("tile-cell-1", home, here));
		assertCellsMatchActivities();
		assertThat(clusteredCount(inserted.dataVersion(), tile)).isEqualTo(before + 1).isEqualTo(located(tile));
		assertThat(clusteredCount(inserted.dataVersion(), tile, "?year=" + YEAR)).isEqualTo(1);

		BatchReport moved = ingest(IngestRequest.upsert(Dataset.ACTIVITIES, "tile-cell-test", false),
				activity("tile-cell-1", other, there));
		assertCellsMatchActivities();
		assertThat(cellsOf(home, moved.dataVersion())).as("the old village no longer counts the moved activity")
			.isEqualTo(cellsOf(home, 0));
		assertThat(clusteredCount(moved.dataVersion(), tile)).isEqualTo(before).isEqualTo(located(tile));
		assertThat(clusteredCount(moved.dataVersion(), tile, "?year=" + YEAR)).isZero();

		IngestRequest replace = new IngestRequest(Dataset.ACTIVITIES, "tile-cell-test", IngestRequest.Mode.REPLACE,
				new IngestRequest.Scope(other, YEAR), null, false, false, Instant.now());
		BatchReport replaced = ingest(replace, activity("tile-cell-2", other, here));
		assertThat(replaced.rowsDeleted()).as("tile-cell-1 left the scope's upload").isEqualTo(1);
		assertCellsMatchActivities();
		assertThat(clusteredCount(replaced.dataVersion(), tile)).isEqualTo(before + 1).isEqualTo(located(tile));

		BatchReport deleted = ingest(IngestRequest.upsert(Dataset.ACTIVITIES, "tile-cell-test", false),
				Map.of("op", "delete", "id", "tile-cell-2"));
		assertThat(deleted.rowsDeleted()).isEqualTo(1);
		assertCellsMatchActivities();
		assertThat(clusteredCount(deleted.dataVersion(), tile)).isEqualTo(before).isEqualTo(located(tile));
	}

	private BatchReport ingest(IngestRequest request, Map<String, Object> row) {
		return this.ingest.ingest(request, Flux.just(row)).block(Duration.ofMinutes(1));
	}

	private static Map<String, Object> activity(String id, String village, double[] location) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("op", "upsert");
		row.put("id", id);
		row.put("village", village);
		row.put("fiscalYear", YEAR);
		row.put("type", "drainage");
		row.put("name", "Drainase uji " + id);
		row.put("status", "completed");
		row.put("physicalProgress", 100);
		row.put("budgetIdr", 125_000_000L);
		row.put("location", Map.of("type", "Point", "coordinates", List.of(location[0], location[1])));
		return row;
	}

	/** The sum of the cluster counts in a versioned cluster tile. */
	private long clusteredCount(long version, int[] xy) throws Exception {
		return clusteredCount(version, xy, "");
	}

	private long clusteredCount(long version, int[] xy, String filter) throws Exception {
		byte[] body = this.client.get()
			.uri("/tiles/v" + version + "/activities/" + ZOOM + "/" + xy[0] + "/" + xy[1] + ".mvt" + filter)
			.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		if (body == null || body.length == 0) {
			return 0;
		}
		MvtDecoder.Layer layer = MvtDecoder.decode(body).get("activities");
		assertThat(layer.features()).allSatisfy((f) -> assertThat(f.properties()).containsEntry("cluster", true));
		return layer.features().stream().mapToLong((f) -> ((Number) f.properties().get("count")).longValue()).sum();
	}

	/**
	 * The stored pre-aggregate equals a fresh computation from the activity table (sums
	 * of coordinates to 1 cm), and its coarser levels sum up to the same totals.
	 */
	private static void assertCellsMatchActivities() throws Exception {
		String columns = "select village_code, cell_x, cell_y, activities, completed, budget_idr, round(sum_x::numeric, 2), "
				+ "round(sum_y::numeric, 2) from ";
		String stored = columns + "activity_tile_cell where zoom = 15";
		String fresh = columns + "activity_tile_cell_source";
		assertThat(count("select count(*) from ((" + stored + " except all " + fresh + ") union all (" + fresh
				+ " except all " + stored + ")) d"))
			.isZero();
		assertThat(count("select count(distinct (activities, completed, budget)) from (select zoom, sum(activities) as "
				+ "activities, sum(completed) as completed, sum(budget_idr) as budget from activity_tile_cell group by zoom) z"))
			.isEqualTo(1);
		// the same cells per regency, fiscal year and type (the filtered tiles, migration
		// V57)
		String byYearType = "select regency_code, fiscal_year, type, cell_x, cell_y, activities, completed, budget_idr, "
				+ "round(sum_x::numeric, 2), round(sum_y::numeric, 2) from ";
		String storedByYearType = byYearType + "activity_tile_cell_year_type where zoom = 15";
		String freshByYearType = byYearType + "activity_tile_cell_year_type_source";
		assertThat(count("select count(*) from ((" + storedByYearType + " except all " + freshByYearType
				+ ") union all (" + freshByYearType + " except all " + storedByYearType + ")) d"))
			.isZero();
		assertThat(count("select count(distinct (activities, completed, budget)) from (select zoom, sum(activities) as "
				+ "activities, sum(completed) as completed, sum(budget_idr) as budget from activity_tile_cell_year_type "
				+ "group by zoom union all select 0, sum(activities), sum(completed), sum(budget_idr) from activity_tile_cell "
				+ "where zoom = 15) z"))
			.isEqualTo(1);
	}

	/**
	 * A village's cells as text; version 0 means as computed now from the activity table
	 * without test rows.
	 */
	private static String cellsOf(String village, long version) throws Exception {
		String from = version == 0
				? "(select * from activity_tile_cell_source) c where c.village_code = ? and not exists "
						+ "(select 1 from activity a where a.village_code = c.village_code and a.id like 'tile-cell-%')"
				: "activity_tile_cell c where c.zoom = 15 and c.village_code = ?";
		try (Connection c = TestDatabase.shared().connect();
				PreparedStatement s = c.prepareStatement("select coalesce(string_agg(concat_ws(',', cell_x, cell_y, "
						+ "activities, completed, budget_idr), ';' order by cell_x, cell_y), '') from " + from)) {
			s.setString(1, village);
			try (ResultSet rows = s.executeQuery()) {
				rows.next();
				return rows.getString(1);
			}
		}
	}

	private static long located(int[] xy) throws Exception {
		return count("select count(*) from activity where location && ST_Transform(ST_TileEnvelope(" + ZOOM + ", "
				+ xy[0] + ", " + xy[1] + "), 4326)");
	}

	private static List<String> villagesOf(String prefix) throws Exception {
		try (Connection c = TestDatabase.shared().connect();
				PreparedStatement s = c.prepareStatement(
						"select code from region where level = 4 and code like ? order by code limit 2")) {
			s.setString(1, prefix + "%");
			try (ResultSet rows = s.executeQuery()) {
				List<String> codes = new java.util.ArrayList<>();
				while (rows.next()) {
					codes.add(rows.getString(1));
				}
				return codes;
			}
		}
	}

	private static long currentVersion() throws Exception {
		return count("select max(data_version) from ingest_batch");
	}

	private static long count(String sql) throws Exception {
		try (Connection c = TestDatabase.shared().connect();
				PreparedStatement s = c.prepareStatement(sql);
				ResultSet rows = s.executeQuery()) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
