package org.kotaku.portal.ingest.batch;

import org.kotaku.portal.ingest.dataset.Dataset;

import java.time.Instant;

/**
 * What a batch is: its dataset, the source system that sends it, whether it merges
 * ({@code upsert}) or replaces everything inside a declared {@link Scope}
 * ({@code replace}), whether its data are synthetic (the demo dataset), and whether
 * invalid polygons are refused (the default) or repaired with PostGIS
 * {@code ST_MakeValid} ({@code repairGeometries}, for boundary files known to carry small
 * defects).
 */
public record IngestRequest(Dataset dataset, String source, Mode mode, Scope scope, String idempotencyKey,
		boolean synthetic, boolean repairGeometries, Instant receivedAt) {

	public enum Mode {

		UPSERT, REPLACE

	}

	/**
	 * The part of a dataset that a {@code replace} batch stands for: rows of the dataset
	 * inside it that the upload lacks are deleted. A region code (any level; rows in it
	 * or below it) and/or a year.
	 */
	public record Scope(String region, Integer year) {
	}

	public static IngestRequest upsert(Dataset dataset, String source, boolean synthetic) {
		return new IngestRequest(dataset, source, Mode.UPSERT, null, null, synthetic, false, Instant.now());
	}

	public IngestRequest withRepairedGeometries() {
		return new IngestRequest(this.dataset, this.source, this.mode, this.scope, this.idempotencyKey, this.synthetic,
				true, this.receivedAt);
	}

}
