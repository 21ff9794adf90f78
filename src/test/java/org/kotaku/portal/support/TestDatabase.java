package org.kotaku.portal.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A throw-away PostgreSQL + PostGIS database for the tests of one JVM, on the server that
 * scripts/db-setup.sh provisions (same PORTAL_DB_* variables as the app). It is created
 * from template1, which carries PostGIS, and dropped when the JVM exits, so tests never
 * touch the demo database and can run twice in a row. Databases left behind by test JVMs
 * that died are dropped on the next start. A missing server fails the tests: it is never
 * a reason to skip them.
 */
public final class TestDatabase {

	private static final String PREFIX = "kotaku_test_";

	public static final String HOST = env("PORTAL_DB_HOST", "127.0.0.1");

	public static final String PORT = env("PORTAL_DB_PORT", "5432");

	public static final String USER = env("PORTAL_DB_USER", "kotaku");

	public static final String PASSWORD = env("PORTAL_DB_PASSWORD", "kotaku");

	private static TestDatabase shared;

	private final String name;

	private TestDatabase(String name) {
		this.name = name;
	}

	/** The database shared by every Spring context of this JVM. */
	public static synchronized TestDatabase shared() {
		if (shared == null) {
			shared = create();
		}
		return shared;
	}

	/**
	 * A fresh database of its own, dropped at JVM exit (for tests that need an empty
	 * one).
	 */
	public static TestDatabase create() {
		String name = PREFIX + ProcessHandle.current().pid() + "_" + UUID.randomUUID().toString().substring(0, 8);
		try (Connection admin = admin(); Statement sql = admin.createStatement()) {
			dropOrphans(admin);
			sql.execute("create database " + name + " template template1");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot create test database on " + HOST + ":" + PORT
					+ " (run scripts/db-setup.sh, or set PORTAL_DB_*): " + ex.getMessage(), ex);
		}
		TestDatabase database = new TestDatabase(name);
		Runtime.getRuntime().addShutdownHook(new Thread(database::drop));
		return database;
	}

	public String name() {
		return this.name;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + this.name;
	}

	public String r2dbcUrl() {
		return "r2dbc:postgresql://" + HOST + ":" + PORT + "/" + this.name;
	}

	/**
	 * A plain JDBC connection to this database, for test set-up and assertions outside
	 * the app.
	 */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
	}

	private void drop() {
		try (Connection admin = admin(); Statement sql = admin.createStatement()) {
			sql.execute("drop database if exists " + this.name + " with (force)");
		}
		catch (SQLException ex) {
			System.err.println("could not drop test database " + this.name + ": " + ex.getMessage());
		}
	}

	/**
	 * Drops test databases whose JVM is gone (killed runs), never those of test JVMs
	 * still running.
	 */
	private static void dropOrphans(Connection admin) throws SQLException {
		List<String> orphans = new ArrayList<>();
		try (Statement sql = admin.createStatement();
				ResultSet rows = sql
					.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
			while (rows.next()) {
				String name = rows.getString(1);
				String pid = name.substring(PREFIX.length()).split("_")[0];
				if (pid.chars().allMatch(Character::isDigit)
						&& ProcessHandle.of(Long.parseLong(pid)).map((p) -> !p.isAlive()).orElse(true)) {
					orphans.add(name);
				}
			}
		}
		for (String name : orphans) {
			try (Statement sql = admin.createStatement()) {
				sql.execute("drop database if exists " + name + " with (force)");
			}
		}
	}

	private static Connection admin() throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, PASSWORD);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
