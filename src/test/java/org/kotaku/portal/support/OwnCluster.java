package org.kotaku.portal.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PostgreSQL 15 cluster of the test's own (pg_createcluster, on a free port), with
 * PostGIS and a database and role for the app, that a test may stop and start to simulate
 * an outage, and of which it may make a streaming replica ({@link #replica()}). Never the
 * machine's main cluster. Needs root (it runs the cluster tools as the postgres user via
 * runuser); dropped with {@link #close()}.
 */
public final class OwnCluster implements AutoCloseable {

	public static final String VERSION = "15";

	public static final String USER = "kotaku_outage";

	public static final String PASSWORD = "kotaku_outage";

	public static final String DATABASE = "kotaku_outage";

	/** Clusters created by this JVM so far: each gets a name of its own. */
	private static final AtomicInteger created = new AtomicInteger();

	private final String name;

	private final int port;

	private OwnCluster(String name, int port) {
		this.name = name;
		this.port = port;
	}

	/** Creates and starts the cluster, with PostGIS enabled in the app's database. */
	public static OwnCluster create() {
		String name = "kotaku_rm_" + ProcessHandle.current().pid() + "_" + created.incrementAndGet();
		OwnCluster cluster = new OwnCluster(name, freePort());
		cluster.postgres("pg_createcluster", VERSION, name, "-p", Integer.toString(cluster.port));
		cluster.start();
		cluster.psql("postgres", "create role " + USER + " login password '" + PASSWORD + "'");
		cluster.psql("postgres", "create database " + DATABASE + " owner " + USER);
		cluster.psql(DATABASE, "create extension postgis");
		return cluster;
	}

	/**
	 * A hot standby of this cluster, streaming from it: a cluster of its own on a free
	 * port whose data directory is a {@code pg_basebackup -R} of this one (PostgreSQL
	 * 15's defaults allow it: wal_level replica, ten WAL senders, and pg_hba's
	 * {@code local replication all peer} for the postgres user). Drop it before this one.
	 */
	public OwnCluster replica() {
		String name = this.name + "_standby";
		OwnCluster replica = new OwnCluster(name, freePort());
		String data = "/var/lib/postgresql/" + VERSION + "/" + name;
		replica.postgres("pg_createcluster", VERSION, name, "-p", Integer.toString(replica.port), "-d", data);
		try {
			replica.postgres("find", data, "-mindepth", "1", "-delete");
			replica.postgres("pg_basebackup", "-h", "/var/run/postgresql", "-p", Integer.toString(this.port), "-D",
					data, "-R", "-X", "stream", "-c", "fast");
			replica.start();
			return replica;
		}
		catch (RuntimeException ex) {
			replica.close();
			throw ex;
		}
	}

	/**
	 * Runs one statement as the superuser (postgres), e.g.
	 * {@code select pg_wal_replay_pause()} on a standby, and answers what it printed
	 * (unaligned, tuples only: a single value is just its text).
	 */
	public String superuser(String sql) {
		return psql("postgres", "-A", "-t", "-c", sql).strip();
	}

	public int port() {
		return this.port;
	}

	public String r2dbcUrl() {
		return "r2dbc:postgresql://127.0.0.1:" + this.port + "/" + DATABASE;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + DATABASE;
	}

	/**
	 * Runs one statement as the app's role over JDBC and answers the first column of its
	 * first row as a number.
	 */
	public long count(String sql) {
		try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * A JDBC connection as the app's role, for a test that holds a lock or a transaction
	 * open.
	 */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
	}

	public void start() {
		postgres("pg_ctlcluster", VERSION, this.name, "start");
	}

	public void stop() {
		postgres("pg_ctlcluster", VERSION, this.name, "stop", "-m", "fast");
	}

	@Override
	public void close() {
		postgres("pg_dropcluster", "--stop", VERSION, this.name);
	}

	private void psql(String database, String sql) {
		psql(database, "-c", sql);
	}

	private String psql(String database, String... arguments) {
		List<String> line = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-p",
				Integer.toString(this.port), "-d", database));
		line.addAll(List.of(arguments));
		return postgres(line.toArray(String[]::new));
	}

	private String postgres(String... command) {
		List<String> line = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
		line.addAll(List.of(command));
		try {
			Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot run " + line + " (the outage test needs root)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
