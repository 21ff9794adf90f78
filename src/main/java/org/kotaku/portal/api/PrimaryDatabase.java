package org.kotaku.portal.api;

import java.time.Duration;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.r2dbc.ConnectionFactoryBuilder;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The one owner of "which database is the primary" ({@code spring.r2dbc.url}): where
 * everything that writes or must see the newest commit goes, whether or not public reads
 * come from a replica ({@link ReplicaReads}): ingestion's pool, API keys, the idempotency
 * look-up of the batch log, the LISTEN connection and the version probe of the read
 * model. Without a replica the public pool is on the primary too and {@link #db()} is
 * that pool, exactly as before; with one, {@link #db()} is a small pool of its own on the
 * primary. Not a {@link ConnectionFactory} bean on purpose: one would replace the
 * auto-configured public pool.
 */
@Component
public class PrimaryDatabase implements DisposableBean {

	/**
	 * How the primary's own pool (with a replica only) names its sessions in
	 * pg_stat_activity.
	 */
	public static final String APPLICATION_NAME = "kotaku-portal-primary";

	private static final int POOL_SIZE = 4;

	private final R2dbcProperties r2dbc;

	private final boolean replicated;

	private final ConnectionFactory unpooled;

	private final ConnectionPool pool;

	private final DatabaseClient db;

	PrimaryDatabase(R2dbcProperties r2dbc, ReplicaReads.Settings replica, ConnectionFactory publicConnections,
			DatabaseClient publicDb) {
		this.r2dbc = r2dbc;
		this.replicated = replica.enabled();
		this.unpooled = this.replicated ? factory(APPLICATION_NAME) : unpooled(publicConnections);
		this.pool = this.replicated ? pool("primary", APPLICATION_NAME, POOL_SIZE) : null;
		this.db = this.replicated ? DatabaseClient.create(this.pool) : publicDb;
	}

	/**
	 * Whether public reads come from a replica (then the primary's newest data version
	 * may be ahead of them).
	 */
	public boolean replicated() {
		return this.replicated;
	}

	/** Statements on the primary: writes, and reads that must see the newest commit. */
	public DatabaseClient db() {
		return this.db;
	}

	/**
	 * Unpooled connections to the primary, for a connection held open (the read model's
	 * LISTEN).
	 */
	public ConnectionFactory unpooled() {
		return this.unpooled;
	}

	/**
	 * A pool of its own on the primary whose sessions are named {@code applicationName},
	 * with the public pool's retry and time limits ({@code spring.r2dbc.pool.*}),
	 * starting empty; the caller disposes of it.
	 */
	public ConnectionPool pool(String name, String applicationName, int maxSize) {
		R2dbcProperties.Pool shared = this.r2dbc.getPool();
		return new ConnectionPool(ConnectionPoolConfiguration.builder(factory(applicationName))
			.name(name)
			.initialSize(0)
			.maxSize(maxSize)
			.acquireRetry(shared.getAcquireRetry())
			.maxAcquireTime(orDefault(shared.getMaxAcquireTime()))
			.maxCreateConnectionTime(orDefault(shared.getMaxCreateConnectionTime()))
			.maxIdleTime(Duration.ofMinutes(5))
			.build());
	}

	@Override
	public void destroy() {
		if (this.pool != null) {
			this.pool.dispose();
		}
	}

	private ConnectionFactory factory(String applicationName) {
		return unpooled(ConnectionFactoryBuilder.withUrl(this.r2dbc.getUrl())
			.username(this.r2dbc.getUsername())
			.password(this.r2dbc.getPassword())
			.configure(
					(options) -> options.option(PostgresqlConnectionFactoryProvider.APPLICATION_NAME, applicationName))
			.build());
	}

	private static ConnectionFactory unpooled(ConnectionFactory factory) {
		return factory instanceof ConnectionPool pooled ? pooled.unwrap() : factory;
	}

	private static Duration orDefault(Duration duration) {
		return duration == null ? Duration.ofSeconds(10) : duration;
	}

}
