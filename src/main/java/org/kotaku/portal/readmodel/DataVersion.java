package org.kotaku.portal.readmodel;

import java.time.Instant;

/**
 * The version of the canonical data a public answer was built from: the highest committed
 * {@code ingest_batch.data_version}, when that batch was committed ({@code asOf}), and which dataset it is
 * ({@code demo-synthetic} for the synthetic demo data, {@code kotaku} otherwise). Version 0 means "no data yet".
 */
public record DataVersion(long version, Instant asOf, String dataset) {

	/** The dataset name of the synthetic demo data. */
	public static final String SYNTHETIC = "demo-synthetic";

	/** The dataset name of real program data. */
	public static final String REAL = "kotaku";

}
