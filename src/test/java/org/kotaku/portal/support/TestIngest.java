package org.kotaku.portal.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Flux;

import org.kotaku.portal.ingest.batch.BatchReport;
import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.ingest.batch.IngestRequest;
import org.kotaku.portal.ingest.IngestService;

/**
 * Commits small batches through the real ingestion path, for tests that need the data to
 * change.
 */
public final class TestIngest {

	private TestIngest() {
	}

	/**
	 * Upserts one completed road activity with the given id and budget in a village of
	 * Kota Balikpapan.
	 */
	public static BatchReport activity(IngestService ingest, String id, long budgetIdr) {
		TestDatabase db = TestDatabase.shared();
		return activity(ingest, id, budgetIdr, db.jdbcUrl(), TestDatabase.USER, TestDatabase.PASSWORD);
	}

	/**
	 * The same, for an app on another database (whose regions are read through
	 * {@code jdbcUrl}).
	 */
	public static BatchReport activity(IngestService ingest, String id, long budgetIdr, String jdbcUrl, String user,
			String password) {
		Map<String, Object> row = activityRow(id, budgetIdr, balikpapanVillage(jdbcUrl, user, password));
		return ingest.ingest(IngestRequest.upsert(Dataset.ACTIVITIES, "read-model-tests", true), Flux.just(row))
			.block(Duration.ofMinutes(1));
	}

	/**
	 * The row of {@link #activity}, for a batch of several (a village of Kota Balikpapan
	 * in the shared database).
	 */
	public static Map<String, Object> activityRow(String id, long budgetIdr) {
		TestDatabase db = TestDatabase.shared();
		return activityRow(id, budgetIdr, balikpapanVillage(db.jdbcUrl(), TestDatabase.USER, TestDatabase.PASSWORD));
	}

	/**
	 * The row of {@link #activity}, for an upload to an app on another database (regions
	 * read through {@code jdbcUrl}).
	 */
	public static Map<String, Object> activityRow(String id, long budgetIdr, String jdbcUrl, String user,
			String password) {
		return activityRow(id, budgetIdr, balikpapanVillage(jdbcUrl, user, password));
	}

	private static Map<String, Object> activityRow(String id, long budgetIdr, String village) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", id);
		row.put("village", village);
		row.put("fiscalYear", 2024);
		row.put("type", "road");
		row.put("name", "Test road " + id);
		row.put("status", "completed");
		row.put("physicalProgress", 100);
		row.put("outputVolume", 120);
		row.put("outputUnit", "m");
		row.put("budgetIdr", budgetIdr);
		row.put("disbursedIdr", budgetIdr);
		row.put("costBpmIdr", budgetIdr);
		return row;
	}

	private static String balikpapanVillage(String jdbcUrl, String user, String password) {
		try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
				Statement s = c.createStatement();
				ResultSet rows = s.executeQuery(
						"select code from region where level = 4 and code like '64.71.%' order by code limit 1")) {
			rows.next();
			return rows.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
