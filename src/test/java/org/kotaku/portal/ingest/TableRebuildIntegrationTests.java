package org.kotaku.portal.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.kotaku.portal.demo.DemoDataset;
import org.kotaku.portal.demo.DemoLoader;
import org.kotaku.portal.demo.DemoScale;
import org.kotaku.portal.ingest.batch.BatchReport;
import org.kotaku.portal.ingest.batch.IngestRequest;
import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.ingest.dataset.DatasetSpecs;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.TinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bulk path of ingestion ({@code TableRebuild}): a batch that inserts most of the
 * activity table and rebuilds it beside the live one leaves exactly what the same batch
 * leaves row by row (rows, their versions, tombstones, the read model's change log, tile
 * cells and rollups), leaves nothing at all when it fails halfway through its index
 * builds, and never makes public reads wait for it, not even while it waits for a reader
 * to let go of the table. A database of its own: the batches replace the whole activity
 * table.
 */
@IntegrationTest
@TestPropertySource(properties = "test.database=own")
class TableRebuildIntegrationTests {

	@Autowired
	DemoLoader demo;

	@Autowired
	IngestConnections connections;

	@Autowired
	IngestDatabaseProperties properties;

	@Autowired
	DatasetSpecs specs;

	@Autowired
	Environment environment;

	@Autowired
	WebTestClient client;

	/** The tiny demo in this class's own database (TinyDemo loads the shared one). */
	@BeforeEach
	void setUp() throws Exception {
		if (number("select count(*) from region") == 0) {
			this.demo.load(DemoScale.TINY, TinyDemo.SEED).then().block(Duration.ofMinutes(2));
		}
	}

	@Test
	void aRebuiltTableHoldsExactlyWhatTheRowByRowPathWrites() throws Exception {
		// the load takes the bulk path, the change after it (mostly stored rows
		// rewritten)
		// the row path, in both runs
		List<String> rowByRow = loadThenChange(service(Long.MAX_VALUE), false);
		List<String> rebuilt = loadThenChange(service(1), true);
		assertThat(rebuilt).hasSize(2).containsExactlyElementsOf(rowByRow);
	}

	@Test
	void aFailureInTheMiddleOfTheIndexBuildsChangesNothing() throws Exception {
		IngestService bulk = service(1);
		bulk.ingest(upsert(), Flux.fromIterable(demoActivities("load"))).block(Duration.ofSeconds(60));
		// an index the copy builds last, which fails on one row: the earlier builds have
		// run by then
		execute("create index rebuild_test_fails_idx on activity ((case when name = 'boom' then 1 / (length(name) - 4)"
				+ " else 0 end))");
		try {
			String before = state(-1);
			long table = number("select 'activity'::regclass::oid");
			long version = number("select max(data_version) from ingest_batch");
			List<Map<String, Object>> rows = demoActivities("changed");
			rows.get(rows.size() / 2).put("name", "boom");
			assertThatThrownBy(() -> bulk.ingest(upsert(), Flux.fromIterable(rows)).block(Duration.ofSeconds(60)))
				.hasMessageContaining("division by zero");
			assertThat(state(-1)).isEqualTo(before);
			assertThat(number("select 'activity'::regclass::oid")).isEqualTo(table);
			assertThat(number("select max(data_version) from ingest_batch")).isEqualTo(version);
			assertThat(number("select count(*) from read_model_change where data_version > " + version)).isZero();
			assertThat(number("select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
					+ "where n.nspname = 'kotaku_rebuild'"))
				.isZero();
		}
		finally {
			execute("drop index rebuild_test_fails_idx");
		}
	}

	@Test
	void publicReadsGoOnWhileTheSwapWaitsForAReader() throws Exception {
		IngestService bulk = service(1);
		bulk.ingest(replaceAll(), Flux.fromIterable(demoActivities("before"))).block(Duration.ofSeconds(60));
		List<Map<String, Object>> added = demoActivities("after");
		added.forEach((row) -> row.put("id", "AFTER-" + row.get("id")));
		try (Connection reader = connect(); Statement s = reader.createStatement()) {
			reader.setAutoCommit(false);
			s.executeQuery("select count(*) from activity").close();
			CompletableFuture<BatchReport> batch = bulk.ingest(upsert(), Flux.fromIterable(added)).toFuture();
			awaitSwapWaiting();
			for (int limit = 1; limit <= 5; limit++) {
				// a page of its own each time: read from the table, not the response
				// cache
				this.client.get()
					.uri("/api/v1/activities?q=after&limit=" + limit)
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody()
					.jsonPath("$.items.length()")
					.isEqualTo(0);
			}
			assertThat(batch).isNotDone();
			reader.commit();
			assertThat(batch.get(60, TimeUnit.SECONDS).rowsInserted()).isEqualTo(added.size());
		}
		assertThat(number("select count(*) from activity where name = 'after'")).isEqualTo(added.size());
		assertThat(number("select count(*) from activity where name = 'before'")).isEqualTo(added.size());
	}

	/**
	 * Empties the activity table, loads the demo's activities, then changes every one,
	 * deletes some and adds others: the state after each batch, the batch's version
	 * written as "now".
	 */
	private List<String> loadThenChange(IngestService service, boolean rebuilds) throws Exception {
		List<String> states = new ArrayList<>();
		service.ingest(replaceAll(), Flux.empty()).block(Duration.ofSeconds(60));
		assertThat(number("select count(*) from activity")).isZero();
		long table = number("select 'activity'::regclass::oid");
		String structure = structure();
		BatchReport load = service.ingest(upsert(), Flux.fromIterable(demoActivities("load")))
			.block(Duration.ofSeconds(60));
		states.add(load.rowsInserted() + " inserted\n" + state(load.dataVersion()));
		assertThat(number("select 'activity'::regclass::oid") != table).isEqualTo(rebuilds);
		assertThat(structure()).isEqualTo(structure);
		// the views read the table that is live now
		assertThat(number("select count(*) from activity_rollup_source"))
			.isEqualTo(number("select count(*) from activity_rollup"))
			.isPositive();
		List<Map<String, Object>> change = demoActivities("changed");
		for (int i = 0; i < 10; i++) {
			Map<String, Object> gone = new LinkedHashMap<>();
			gone.put("op", "delete");
			gone.put("id", change.get(i).get("id"));
			change.set(i, gone);
		}
		for (int i = 0; i < 20; i++) {
			Map<String, Object> added = new LinkedHashMap<>(change.get(20 + i));
			added.put("id", "REBUILD-" + i);
			change.add(added);
		}
		BatchReport changed = service.ingest(upsert(), Flux.fromIterable(change)).block(Duration.ofSeconds(60));
		states.add(changed.rowsInserted() + " inserted, " + changed.rowsUpdated() + " updated, " + changed.rowsDeleted()
				+ " deleted\n" + state(changed.dataVersion()));
		return states;
	}

	/**
	 * Everything a batch of activities writes, in a stable order, with the given version
	 * written as "now" (float sums of tile cells rounded: their order of addition follows
	 * the rows' physical order).
	 */
	private String state(long now) throws Exception {
		String version = "case when %1$s = " + now + " then 'now' else 'before' end";
		return String.join("\n", List.of(
				rows("select to_jsonb(a) - 'batch_id' - 'created_version' - 'updated_version' || jsonb_build_object("
						+ "'created', " + version.formatted("created_version") + ", 'updated', "
						+ version.formatted("updated_version") + ") from activity a order by id"),
				rows("select concat_ws(' ', zoom, village_code, cell_x, cell_y, activities, completed, budget_idr,"
						+ " round(sum_x::numeric, 3), round(sum_y::numeric, 3)) from activity_tile_cell order by 1"),
				rows("select concat_ws(' ', zoom, regency_code, fiscal_year, type, cell_x, cell_y, activities, completed,"
						+ " budget_idr, round(sum_x::numeric, 3), round(sum_y::numeric, 3))"
						+ " from activity_tile_cell_year_type order by 1"),
				rows("select (to_jsonb(r) - 'data_version')::text from activity_rollup r order by 1"),
				rows("select (to_jsonb(r) - 'data_version')::text from activity_village_year r order by 1"),
				rows("select record_id from tombstone where dataset = 'activities' and data_version = " + now
						+ " order by 1"),
				rows("select village_code from read_model_change where data_version = " + now + " order by 1")));
	}

	/**
	 * The activity table's indexes, constraints and the views that read it.
	 */
	private String structure() throws Exception {
		return String.join("\n",
				List.of(rows("select pg_get_indexdef(indexrelid) from pg_index where indrelid = 'activity'::regclass"
						+ " order by 1"),
						rows("select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint"
								+ " where conrelid = 'activity'::regclass order by 1"),
						rows("select c.relname || ' ' || pg_get_viewdef(c.oid) from pg_depend d"
								+ " join pg_rewrite r on r.oid = d.objid join pg_class c on c.oid = r.ev_class"
								+ " where d.refobjid = 'activity'::regclass and c.oid <> 'activity'::regclass"
								+ " group by c.oid order by 1")));
	}

	private IngestService service(long rebuildFromRows) {
		return new IngestService(this.connections,
				new IngestDatabaseProperties(this.properties.poolSize(), this.properties.lockWait(), rebuildFromRows),
				this.specs);
	}

	private static IngestRequest upsert() {
		return IngestRequest.upsert(Dataset.ACTIVITIES, "rebuild-tests", false);
	}

	private static IngestRequest replaceAll() {
		IngestRequest upsert = upsert();
		return new IngestRequest(upsert.dataset(), upsert.source(), IngestRequest.Mode.REPLACE, upsert.scope(),
				upsert.idempotencyKey(), upsert.synthetic(), upsert.repairGeometries(), upsert.receivedAt());
	}

	/** The tiny demo's activities, every one named {@code name}. */
	private static List<Map<String, Object>> demoActivities(String name) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Map<String, Object> row : new DemoDataset(DemoScale.TINY, TinyDemo.SEED).rows(Dataset.ACTIVITIES)
			.toIterable()) {
			Map<String, Object> renamed = new LinkedHashMap<>(row);
			renamed.put("name", name);
			rows.add(renamed);
		}
		return rows;
	}

	private void awaitSwapWaiting() throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (number("select count(*) from pg_stat_activity where datname = current_database()"
				+ " and query like '%kotaku_rebuild_swap%' and state = 'active'") == 0) {
			assertThat(System.nanoTime()).as("the batch reaches its swap").isLessThan(deadline);
			Thread.sleep(50);
		}
		Thread.sleep(300);
	}

	private String rows(String query) throws Exception {
		List<String> rows = new ArrayList<>();
		try (Connection c = connect(); Statement s = c.createStatement(); ResultSet result = s.executeQuery(query)) {
			while (result.next()) {
				rows.add(result.getString(1));
			}
		}
		return String.join("\n", rows);
	}

	private long number(String query) throws Exception {
		try (Connection c = connect(); Statement s = c.createStatement(); ResultSet result = s.executeQuery(query)) {
			result.next();
			return result.getLong(1);
		}
	}

	private void execute(String statement) throws Exception {
		try (Connection c = connect(); Statement s = c.createStatement()) {
			s.execute(statement);
		}
	}

	private Connection connect() throws Exception {
		return DriverManager.getConnection(this.environment.getProperty("spring.flyway.url"),
				this.environment.getProperty("spring.flyway.user"),
				this.environment.getProperty("spring.flyway.password"));
	}

}
