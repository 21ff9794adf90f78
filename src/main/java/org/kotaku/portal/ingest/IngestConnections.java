package org.kotaku.portal.ingest;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.reactivestreams.Publisher;

import org.kotaku.portal.api.PrimaryDatabase;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The connections of ingestion: a pool of its own on the primary
 * ({@link PrimaryDatabase}), so that batches streaming in or waiting for the merge lock
 * never hold a connection a public read needs, and so that they write to the primary when
 * public reads come from a replica. Not a {@link ConnectionFactory} bean on purpose: one
 * would replace the auto-configured public pool.
 */
@Component
public class IngestConnections implements DisposableBean {

	/**
	 * How ingestion's sessions are named in pg_stat_activity, apart from the public
	 * pool's.
	 */
	public static final String APPLICATION_NAME = "kotaku-portal-ingest";

	private final ConnectionPool pool;

	IngestConnections(PrimaryDatabase primary, IngestDatabaseProperties properties) {
		this.pool = primary.pool("ingest", APPLICATION_NAME, properties.poolSize());
	}

	/** A connection of the ingestion pool, for one batch. */
	public Publisher<? extends Connection> create() {
		return this.pool.create();
	}

	@Override
	public void destroy() {
		this.pool.dispose();
	}

}
