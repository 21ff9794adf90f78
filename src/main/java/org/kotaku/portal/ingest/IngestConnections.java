package org.kotaku.portal.ingest;

import java.time.Duration;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.reactivestreams.Publisher;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.r2dbc.ConnectionFactoryBuilder;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.stereotype.Component;

/**
 * The connections of ingestion: a pool of its own on the same database as the public one (spring.r2dbc.*), so that
 * batches streaming in or waiting for the merge lock never hold a connection a public read needs. Not a
 * {@link ConnectionFactory} bean on purpose: one would replace the auto-configured public pool.
 */
@Component
public class IngestConnections implements DisposableBean {

	/** How ingestion's sessions are named in pg_stat_activity, apart from the public pool's. */
	public static final String APPLICATION_NAME = "kotaku-portal-ingest";

	private final ConnectionPool pool;

	IngestConnections(R2dbcProperties r2dbc, IngestDatabaseProperties properties) {
		ConnectionFactory database = ConnectionFactoryBuilder.withUrl(r2dbc.getUrl())
			.username(r2dbc.getUsername())
			.password(r2dbc.getPassword())
			.configure((options) -> options.option(PostgresqlConnectionFactoryProvider.APPLICATION_NAME, APPLICATION_NAME))
			.build();
		R2dbcProperties.Pool shared = r2dbc.getPool();
		this.pool = new ConnectionPool(ConnectionPoolConfiguration.builder(unpooled(database))
			.name("ingest")
			.initialSize(0)
			.maxSize(properties.poolSize())
			.acquireRetry(shared.getAcquireRetry())
			.maxAcquireTime(orDefault(shared.getMaxAcquireTime()))
			.maxCreateConnectionTime(orDefault(shared.getMaxCreateConnectionTime()))
			.maxIdleTime(Duration.ofMinutes(5))
			.build());
	}

	/** A connection of the ingestion pool, for one batch. */
	public Publisher<? extends Connection> create() {
		return this.pool.create();
	}

	@Override
	public void destroy() {
		this.pool.dispose();
	}

	private static ConnectionFactory unpooled(ConnectionFactory factory) {
		return factory instanceof ConnectionPool pooled ? pooled.unwrap() : factory;
	}

	private static Duration orDefault(Duration duration) {
		return duration == null ? Duration.ofSeconds(10) : duration;
	}

}
