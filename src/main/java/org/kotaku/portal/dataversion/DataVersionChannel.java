package org.kotaku.portal.dataversion;

/**
 * The PostgreSQL channel that carries new data versions to the read model of every node:
 * ingestion announces each committed version on it inside the batch's transaction, so
 * that the notification goes out exactly when the commit does
 * ({@code ingest.IngestService}), every node LISTENs on it, and an operator asks every
 * node for a whole rebuild with {@code NOTIFY read_model, 'rebuild'}.
 */
public final class DataVersionChannel {

	/** The channel's name. */
	public static final String NAME = "read_model";

	/**
	 * The payload that asks every node to build its snapshot whole instead of patching
	 * it.
	 */
	public static final String REBUILD = "rebuild";

	/** The statement that subscribes a connection to the channel. */
	public static final String LISTEN = "LISTEN " + NAME;

	private DataVersionChannel() {
	}

}
