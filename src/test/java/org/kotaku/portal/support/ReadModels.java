package org.kotaku.portal.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.kotaku.portal.readmodel.ReadModel;
import org.kotaku.portal.readmodel.Snapshot;

/**
 * Waits for an application's read model to serve the latest data version of the JVM's
 * test database.
 */
public final class ReadModels {

	private ReadModels() {
	}

	/** The highest committed data version in the test database. */
	public static long latestVersion() {
		try (Connection c = TestDatabase.shared().connect();
				Statement s = c.createStatement();
				ResultSet rows = s.executeQuery("select coalesce(max(data_version), 0) from ingest_batch")) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Blocks (tests only) until {@code readModel} serves at least the latest version;
	 * returns that snapshot.
	 */
	public static Snapshot awaitLatest(ReadModel readModel) {
		return readModel.awaitVersion(latestVersion()).block(Duration.ofSeconds(60));
	}

}
