package org.kotaku.portal.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.TestDatabase;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schema itself refuses bad data, whatever writes it: each statement runs in a
 * transaction that is rolled back, and PostgreSQL's message names the broken rule.
 */
@IntegrationTest
@WithTinyDemo
class SchemaConstraintsIntegrationTests {

	@Test
	void negativeBudgetIsRejected() {
		assertThatThrownBy(() -> execute(activityWith("budget_idr", "-1")))
			.hasMessageContaining("activity_budget_idr_check");
	}

	@Test
	void progressAbove100IsRejected() {
		assertThatThrownBy(() -> execute(activityWith("physical_progress", "120")))
			.hasMessageContaining("activity_physical_progress_check");
	}

	@Test
	void regionWithoutParentIsRejected() {
		assertThatThrownBy(() -> execute(
				"""
						insert into region (code, level, type, name, parent_code, code_version, batch_id, created_version, updated_version)
						values ('99.99.99.9999', 4, 'kelurahan', 'Nowhere', '99.99.99', 'test', %s, 1, 1)"""
					.formatted(batch())))
			.hasMessageContaining("region_parent_code_fkey");
	}

	@Test
	void malformedCodeIsRejected() {
		assertThatThrownBy(() -> execute("""
				insert into region (code, level, type, name, code_version, batch_id, created_version, updated_version)
				values ('6', 1, 'provinsi', 'Bad', 'test', %s, 1, 1)""".formatted(batch())))
			.hasMessageContaining("region_code_check");
	}

	@Test
	void geometryOutsideWgs84BoundsIsRejected() {
		assertThatThrownBy(() -> execute("""
				update region set geom = ST_Multi(ST_MakeEnvelope(500000, 9000000, 500100, 9000100, 4326))
				where code = '64'""")).hasMessageContaining("region_geom_in_wgs84");
	}

	@Test
	void unknownEnumValueIsRejected() {
		assertThatThrownBy(() -> execute(activityWith("status", "'finished'")))
			.hasMessageContaining("activity_status_check");
	}

	@Test
	void validRowIsAccepted() throws SQLException {
		execute(activityWith("budget_idr", "1000"));
		assertThat(true).isTrue();
	}

	/** An otherwise valid activity insert with one column overridden. */
	private String activityWith(String column, String value) throws SQLException {
		String village = village();
		java.util.Map<String, String> columns = new java.util.LinkedHashMap<>();
		columns.put("id", "'constraint-test-" + System.nanoTime() + "'");
		columns.put("village_code", "'" + village + "'");
		columns.put("fiscal_year", "2021");
		columns.put("type", "'road'");
		columns.put("name", "'Jalan uji'");
		columns.put("status", "'ongoing'");
		columns.put("physical_progress", "50");
		columns.put("budget_idr", "1000");
		columns.put("cost_other_idr", "1000");
		columns.put("batch_id", batch());
		columns.put("created_version", "1");
		columns.put("updated_version", "1");
		columns.put(column, value);
		if (column.equals("budget_idr")) {
			columns.put("cost_other_idr", value);
		}
		return "insert into activity (" + String.join(", ", columns.keySet()) + ") values ("
				+ String.join(", ", columns.values()) + ")";
	}

	private static String village() throws SQLException {
		return single("select min(code) from region where level = 4");
	}

	private static String batch() throws SQLException {
		return single("select min(id)::text from ingest_batch");
	}

	private static String single(String query) throws SQLException {
		try (Connection c = TestDatabase.shared().connect();
				Statement s = c.createStatement();
				var rows = s.executeQuery(query)) {
			rows.next();
			return rows.getString(1);
		}
	}

	/** Runs a statement and rolls it back, so the shared test data stay untouched. */
	private static void execute(String statement) throws SQLException {
		try (Connection c = TestDatabase.shared().connect()) {
			c.setAutoCommit(false);
			try (Statement s = c.createStatement()) {
				s.execute(statement);
			}
			finally {
				c.rollback();
			}
		}
	}

}
