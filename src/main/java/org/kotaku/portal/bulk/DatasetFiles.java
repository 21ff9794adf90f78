package org.kotaku.portal.bulk;

import java.nio.file.Path;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.kotaku.portal.dataversion.DataVersion;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.listing.FileRow;
import org.kotaku.portal.listing.Format;
import org.kotaku.portal.listing.WholeDatasets;

/**
 * The whole files of one dataset at one version (CSV.gz, GeoJSON.gz where it has a
 * location, GeoPackage), written by {@link BulkGenerator} into the folder of the version
 * being written.
 */
final class DatasetFiles {

	private static final Log log = LogFactory.getLog(DatasetFiles.class);

	private final WholeDatasets datasets;

	DatasetFiles(WholeDatasets datasets) {
		this.datasets = datasets;
	}

	/**
	 * The whole files of one dataset from one read of its rows, fanned out to a writer
	 * per format, each on a thread of its own (formatting and compressing are what take
	 * the time; the two cores share them).
	 */
	Flux<Download> write(Dataset dataset, DataVersion version, Path folder) {
		List<BulkFormat> formats = dataset.hasGeometry()
				? List.of(BulkFormat.CSV, BulkFormat.GEOJSON, BulkFormat.GEOPACKAGE)
				: List.of(BulkFormat.CSV, BulkFormat.GEOPACKAGE);
		Flux<FileRow> rows = this.datasets.rows(dataset, version).publish().autoConnect(formats.size());
		List<Mono<Download>> files = formats.stream()
			.map((kind) -> write(dataset, kind, version, folder, rows.publishOn(Schedulers.boundedElastic(), ROWS)))
			.toList();
		return Flux.mergeSequential(files);
	}

	/**
	 * Rows a writer takes from the shared read at a time (the read keeps at most this
	 * many per writer in memory).
	 */
	private static final int ROWS = 512;

	private Mono<Download> write(Dataset dataset, BulkFormat kind, DataVersion version, Path folder,
			Flux<FileRow> rows) {
		Path file = folder.resolve(kind.fileName(dataset));
		Mono<Long> written = switch (kind) {
			case CSV -> text(rows, this.datasets.text(dataset, Format.CSV, version, path(version, file)), file);
			case GEOJSON -> text(rows, this.datasets.text(dataset, Format.GEOJSON, version, path(version, file)), file);
			default -> geoPackage(rows, dataset, file);
		};
		long started = System.nanoTime();
		return written.map((count) -> {
			if (log.isDebugEnabled()) {
				log.debug(String.format(java.util.Locale.ROOT, "%s: %d rows in %.1f s", file.getFileName(), count,
						(System.nanoTime() - started) / 1e9));
			}
			return Download.of(dataset, kind, file, count, version.version(), null);
		});
	}

	private static String path(DataVersion version, Path file) {
		return BulkStore.DOWNLOADS + "/" + version.version() + "/" + file.getFileName();
	}

	private static Mono<Long> text(Flux<FileRow> rows, WholeDatasets.Text text, Path file) {
		return Mono.using(() -> new GzipText(file),
				(out) -> rows.index()
					.doOnSubscribe((s) -> out.write(text.head()))
					.doOnNext((indexed) -> out.write(text.row().apply(indexed.getT2().row(), indexed.getT1() == 0)))
					.count()
					.doOnNext((count) -> out.write(text.tail())),
				GzipText::close);
	}

	private static Mono<Long> geoPackage(Flux<FileRow> rows, Dataset dataset, Path file) {
		return Mono.using(() -> new GeoPackage(file, dataset),
				(gpkg) -> rows.doOnNext((row) -> sql(() -> gpkg.add(row))).then(Mono.fromCallable(() -> {
					gpkg.finish();
					return gpkg.rows();
				})), (gpkg) -> sql(gpkg::close));
	}

	private interface SqlAction {

		void run() throws java.sql.SQLException;

	}

	private static void sql(SqlAction action) {
		try {
			action.run();
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException("Writing a GeoPackage failed: " + ex.getMessage(), ex);
		}
	}

}
