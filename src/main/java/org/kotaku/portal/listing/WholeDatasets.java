package org.kotaku.portal.listing;

import java.util.function.BiFunction;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.dataversion.DataVersion;
import org.springframework.stereotype.Component;

/**
 * Whole datasets at one data version, for the bulk files: their rows in a fixed order
 * with geometries for every file format, their estimated size, and how they read as one
 * document of CSV or GeoJSON (written by the same {@link RowWriters} as the API's
 * answers).
 */
@Component
public class WholeDatasets {

	/**
	 * Coordinate decimals of the geometries in a whole-dataset file: 7 is about a
	 * centimetre.
	 */
	public static final int PRECISION = 7;

	private final ListingRepository repository;

	private final RowWriters writers;

	WholeDatasets(ListingRepository repository, RowWriters writers) {
		this.repository = repository;
		this.writers = writers;
	}

	/**
	 * The whole of {@code dataset} at {@code version} (rows created at or before it; the
	 * caller's transaction keeps later changes out), rows in the code-point order of
	 * their ids, each with its geometry as GeoJSON and WKB.
	 */
	public Flux<FileRow> rows(Dataset dataset, DataVersion version) {
		return this.repository.findAllForFiles(dataset, version.version(), PRECISION);
	}

	/**
	 * The planner's estimate of the number of rows of {@code dataset} (table statistics,
	 * no scan).
	 */
	public Mono<Long> estimatedRows(Dataset dataset) {
		return this.repository.countEstimate(dataset, new Where());
	}

	/**
	 * How a whole dataset reads as one document of {@code format} (CSV, or GeoJSON with
	 * the envelope and licence as foreign members, {@code self} its own address): the
	 * text before the rows, of each row, and after them.
	 */
	public Text text(Dataset dataset, Format format, DataVersion version, String self) {
		Envelope envelope = new Envelope(version, dataset.fieldNames(), self, null, null, null, false);
		RowWriter writer = this.writers.writer(format);
		return new Text(writer.head(envelope), writer::row, writer.tail(envelope));
	}

	/**
	 * The text of a whole-dataset document: {@code head}, then each row, then
	 * {@code tail}.
	 */
	public record Text(String head, BiFunction<Row, Boolean, String> row, String tail) {
	}

}
