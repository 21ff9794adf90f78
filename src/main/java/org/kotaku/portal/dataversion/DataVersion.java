package org.kotaku.portal.dataversion;

import java.time.Instant;

/**
 * The version of the published data an answer was built from: the data version of the
 * last committed ingestion batch, when it was committed ({@code asOf}, null before any
 * batch) and which dataset it is ({@code demo-synthetic} or {@code kotaku}). It is the
 * base of every public ETag.
 */
public record DataVersion(long version, Instant asOf, String dataset) implements java.io.Serializable {

	/** The exchange attribute under which the version read for a request is kept. */
	public static final String ATTRIBUTE = DataVersion.class.getName();

	/** The dataset name of the synthetic demo data. */
	public static final String SYNTHETIC = "demo-synthetic";

	/** The dataset name of real program data. */
	public static final String REAL = "kotaku";

}
