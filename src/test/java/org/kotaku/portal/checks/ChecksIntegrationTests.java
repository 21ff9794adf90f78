package org.kotaku.portal.checks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.ingest.IngestService;
import org.kotaku.portal.readmodel.ReadModel;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.JsonApi;
import org.kotaku.portal.support.ReadModels;
import org.kotaku.portal.support.TestDatabase;
import org.kotaku.portal.support.TestIngest;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reconciliation ledger on real PostGIS: every check passes on the demo data; each
 * check that the schema allows to fail lists a bad record seeded straight into the
 * database (a new data version makes the ledger run again), and passes again once it is
 * removed; each check that the schema guarantees has its constraint refuse the bad row.
 */
@IntegrationTest
@WithTinyDemo(readModel = true)
class ChecksIntegrationTests {

	/**
	 * The checks the seeded records make fail, and the ids each must list (in id order).
	 */
	static final Map<String, List<String>> SEEDED = Map.of("allocation-activities-within-ceiling", List.of("CHK-ALC-1"),
			"allocation-disbursed-within-ceiling", List.of("CHK-ALC-2"), "activity-disbursed-within-budget",
			List.of("CHK-ACT-DISB"), "activity-progress-status", List.of("CHK-ACT-PLAN"), "assessment-total-score",
			List.of("CHK-ASM-1"), "assessment-level", List.of("CHK-ASM-1"), "assessment-criterion-scores",
			List.of("CHK-ASM-1/1b"), "activity-in-regency", List.of("CHK-ACT-OUTREG"), "activity-in-village",
			List.of("CHK-ACT-OUTREG", "CHK-ACT-OUTVIL"));

	/**
	 * The checks a constraint guarantees, and a statement that breaks it on a demo row.
	 */
	static final Map<String, String> GUARANTEED = Map.of("activity-cost-split",
			"update activity set cost_other_idr = cost_other_idr + 1 where id = (select min(id) from activity)",
			"activity-progress-in-range",
			"update activity set physical_progress = 101 where id = (select min(id) from activity)",
			"access-percentages-in-range",
			"update access_indicator set sanitation_pct = 100.5 where village_code = (select min(village_code) from access_indicator)",
			"assessment-percentages-in-range",
			"update assessment_score set percentage = -1 where assessment_id = (select min(assessment_id) from assessment_score)");

	@Autowired
	WebTestClient client;

	@Autowired
	JsonMapper json;

	@Autowired
	IngestService ingest;

	@Autowired
	ReadModel readModel;

	@Test
	void everyCheckPassesOnTheDemoData() {
		this.client.get()
			.uri("/api/v1/checks")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches("Link", ".*rel=\"license\".*");
		JsonNode answer = get("/api/v1/checks");
		assertThat(answer.get("dataVersion").asLong()).isEqualTo(ReadModels.latestVersion());
		assertThat(answer.at("/licence/id").asString()).isEqualTo("CC-BY-4.0");
		JsonNode items = answer.get("items");
		assertThat(items.valueStream().map((c) -> c.get("id").asString()))
			.containsExactlyElementsOf(Checks.all().stream().map(Check::id).toList());
		for (JsonNode check : items) {
			assertThat(check.get("status").asString()).as(check.get("id").asString() + ": " + check.get("sampleIds"))
				.isEqualTo("pass");
			assertThat(check.get("count").asLong()).isZero();
			assertThat(check.at("/title/id").asString()).isNotBlank();
			assertThat(check.at("/description/en").asString()).isNotBlank();
		}
	}

	@Test
	void everyCheckThatTheSchemaAllowsFailsOnASeededRecordAndPassesWhenItIsGone() throws SQLException {
		assertThat(SEEDED.size() + GUARANTEED.size()).isEqualTo(Checks.all().size());
		try {
			sql(seeds());
			bumpVersion("CHK-BUMP-1");
			JsonNode items = get("/api/v1/checks").get("items");
			for (JsonNode check : items) {
				String id = check.get("id").asString();
				if (SEEDED.containsKey(id)) {
					assertThat(check.get("status").asString()).as(id).isEqualTo("fail");
					assertThat(check.get("count").asLong()).as(id).isEqualTo(SEEDED.get(id).size());
					assertThat(check.get("sampleIds").valueStream().map(JsonNode::asString)).as(id)
						.containsExactlyElementsOf(SEEDED.get(id));
					JsonNode detail = get("/api/v1/checks/" + id).get("item");
					assertThat(detail.get("offendingIds").valueStream().map(JsonNode::asString)).as(id)
						.containsExactlyElementsOf(SEEDED.get(id));
					assertThat(detail.at("/offending/0/reason").asString()).as(id).isNotBlank();
					assertThat(detail.get("truncated").asBoolean()).isFalse();
				}
				else {
					assertThat(check.get("status").asString()).as(id).isEqualTo("pass");
				}
			}
		}
		finally {
			sql(cleanup());
			bumpVersion("CHK-BUMP-2");
		}
		assertThat(get("/api/v1/checks").get("items").valueStream().map((c) -> c.get("status").asString()))
			.containsOnly("pass");
	}

	@Test
	void theSchemaRefusesWhatTheGuaranteedChecksLookFor() throws SQLException {
		for (Map.Entry<String, String> breach : GUARANTEED.entrySet()) {
			assertThat(Checks.find(breach.getKey()).orElseThrow().description().en()).as(breach.getKey())
				.contains("Guaranteed by the schema");
			assertThatThrownBy(() -> rolledBack(breach.getValue())).as(breach.getKey())
				.isInstanceOfSatisfying(SQLException.class, (ex) -> assertThat(ex.getSQLState()).isEqualTo("23514"));
		}
		assertThatThrownBy(() -> rolledBack(
				"update activity set physical_progress = 99 where id = (select min(id) from activity where status = 'completed')"))
			.as("completed below 100 %")
			.isInstanceOfSatisfying(SQLException.class, (ex) -> assertThat(ex.getSQLState()).isEqualTo("23514"));
	}

	@Test
	void anUnknownCheckIsA404AndAnUnknownParameterA400() {
		this.client.get()
			.uri("/api/v1/checks/castles")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get()
			.uri("/api/v1/checks?verbose=true")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get().uri("/api/v1/checks/assessment-level?page=2").exchange().expectStatus().isBadRequest();
	}

	private void bumpVersion(String activityId) {
		TestIngest.activity(this.ingest, activityId, 1_000_000);
		ReadModels.awaitLatest(this.readModel);
	}

	private JsonNode get(String uri) {
		return new JsonApi(this.client, this.json).get(uri);
	}

	/**
	 * Bad records of every kind the schema allows, written with the provenance of the
	 * latest batch: two allocations over their ceiling (one through its activities, one
	 * through its tranches) and one flagged as allowed to be, activities over budget and
	 * planned but started, an assessment whose total, level and one criterion score
	 * disagree with the bands, and a province of its own with a regency and village
	 * boundary and activities outside them (and one inside both).
	 */
	private static List<String> seeds() throws SQLException {
		String village = firstValue(
				"select code from region where level = 4 and code like '64.71.%' order by code limit 1");
		String batch = firstValue("select max(id) from ingest_batch");
		String version = firstValue("select max(data_version) from ingest_batch");
		String prov = ", " + batch + ", " + version + ", " + version + ")";
		String activity = "insert into activity (id, village_code, allocation_id, fiscal_year, type, name, status, "
				+ "physical_progress, budget_idr, disbursed_idr, cost_bpm_idr, cost_other_idr, location, batch_id, "
				+ "created_version, updated_version) values ";
		return List.of(
				"insert into allocation (id, village_code, fiscal_year, program, source, ceiling_idr, over_ceiling_ok, "
						+ "batch_id, created_version, updated_version) values " + "('CHK-ALC-1', '" + village
						+ "', 2024, 'bpm_reguler', 'apbn', 1000, false" + prov + ", " + "('CHK-ALC-2', '" + village
						+ "', 2024, 'bpm_reguler', 'apbn', 1000, false" + prov + ", " + "('CHK-ALC-3', '" + village
						+ "', 2024, 'bpm_reguler', 'apbn', 1000, true" + prov,
				"insert into disbursement (allocation_id, tranche, status, disbursed_on, amount_idr) values "
						+ "('CHK-ALC-2', 1, 'disbursed', date '2024-05-10', 2000), "
						+ "('CHK-ALC-3', 1, 'disbursed', date '2024-05-10', 2000)",
				activity + "('CHK-ACT-CEIL', '" + village + "', 'CHK-ALC-1', 2024, 'road', 'Seeded', 'ongoing', 50, "
						+ "2000, 0, 2000, 0, null" + prov + ", " + "('CHK-ACT-DISB', '" + village
						+ "', null, 2024, 'road', 'Seeded', 'ongoing', 50, 1000, 1500, " + "0, 1000, null" + prov + ", "
						+ "('CHK-ACT-PLAN', '" + village + "', null, 2024, 'road', 'Seeded', 'planned', 40, 1000, 0, "
						+ "0, 1000, null" + prov,
				"insert into slum_area (id, regency_code, name, area_ha, village_codes, batch_id, created_version, "
						+ "updated_version) values ('CHK-SLUM-1', '64.71', 'Seeded', 1, array['" + village + "']"
						+ prov,
				"insert into assessment (id, slum_area_id, year, kind, regulation, area_ha, buildings, households, "
						+ "total_score, level, mean_pct, batch_id, created_version, updated_version) values "
						+ "('CHK-ASM-1', 'CHK-SLUM-1', 2024, 'final', '14/2018', 1, 10, 10, 50, 'berat', 45" + prov,
				"insert into assessment_score (assessment_id, regulation, criterion, volume, percentage, score) values "
						+ "('CHK-ASM-1', '14/2018', '1a', 8, 80, 5), ('CHK-ASM-1', '14/2018', '1b', 0.1, 10, 3)",
				"insert into region (code, level, type, name, parent_code, code_version, geom, batch_id, "
						+ "created_version, updated_version) values "
						+ "('99', 1, 'provinsi', 'Provinsi Uji', null, 'test', null" + prov + ", "
						+ "('99.71', 2, 'kota', 'Kota Uji', '99', 'test', "
						+ "ST_GeomFromText('MULTIPOLYGON(((100 -1, 101 -1, 101 0, 100 0, 100 -1)))', 4326)" + prov
						+ ", " + "('99.71.01', 3, 'kecamatan', 'Kecamatan Uji', '99.71', 'test', null" + prov + ", "
						+ "('99.71.01.1001', 4, 'kelurahan', 'Kelurahan Uji', '99.71.01', 'test', "
						+ "ST_GeomFromText('MULTIPOLYGON(((100 -1, 100.1 -1, 100.1 -0.9, 100 -0.9, 100 -1)))', 4326)"
						+ prov,
				activity + "('CHK-ACT-OUTREG', '99.71.01.1001', null, 2024, 'road', 'Seeded', 'ongoing', 50, 1000, 0, 0, "
						+ "1000, ST_SetSRID(ST_MakePoint(102, -0.5), 4326)" + prov + ", "
						+ "('CHK-ACT-OUTVIL', '99.71.01.1001', null, 2024, 'road', 'Seeded', 'ongoing', 50, 1000, 0, 0, "
						+ "1000, ST_SetSRID(ST_MakePoint(100.5, -0.5), 4326)" + prov + ", "
						+ "('CHK-ACT-INSIDE', '99.71.01.1001', null, 2024, 'road', 'Seeded', 'ongoing', 50, 1000, 0, 0, "
						+ "1000, ST_SetSRID(ST_MakePoint(100.05, -0.95), 4326)" + prov);
	}

	private static List<String> cleanup() {
		return List.of("delete from activity where id like 'CHK-ACT-%'",
				"delete from assessment where id = 'CHK-ASM-1'", "delete from slum_area where id = 'CHK-SLUM-1'",
				"delete from allocation where id like 'CHK-ALC-%'",
				"delete from region where code = '99' or code like '99.%'");
	}

	private static void sql(List<String> statements) throws SQLException {
		try (Connection c = TestDatabase.shared().connect(); Statement s = c.createStatement()) {
			c.setAutoCommit(false);
			for (String statement : statements) {
				s.execute(statement);
			}
			c.commit();
		}
	}

	private static void rolledBack(String statement) throws SQLException {
		try (Connection c = TestDatabase.shared().connect(); Statement s = c.createStatement()) {
			c.setAutoCommit(false);
			try {
				s.executeUpdate(statement);
			}
			finally {
				c.rollback();
			}
		}
	}

	private static String firstValue(String query) throws SQLException {
		try (Connection c = TestDatabase.shared().connect();
				PreparedStatement s = c.prepareStatement(query);
				ResultSet rows = s.executeQuery()) {
			rows.next();
			return rows.getString(1);
		}
	}

}
