package org.kotaku.portal.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.kotaku.portal.ingest.batch.BatchReport;
import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.ingest.batch.IngestRequest;
import org.kotaku.portal.ingest.IngestService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * {@code --portal.import.regions=<folder>}: loads the open region files of a folder
 * (every Kemendagri code of {@code wilayah_kode.csv}, areas and populations, and the
 * province and regency boundaries) as one {@code regions} batch through
 * {@link IngestService}, the same path as an upload. Boundaries known to carry small
 * defects are repaired by PostGIS. Prints the batch record.
 */
@Component
public class ImportCommand implements ApplicationRunner {

	static final String REGIONS = "portal.import.regions";

	public static final String SOURCE = "region-files";

	private final IngestService ingest;

	ImportCommand(IngestService ingest) {
		this.ingest = ingest;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> folders = args.getOptionValues(REGIONS);
		if (folders == null) {
			return;
		}
		// a command-line run on the main thread: waiting for the batch to commit is the
		// point
		BatchReport report = importRegions(Path.of(folders.get(0))).block(Duration.ofMinutes(30));
		System.out.println("imported " + report);
	}

	/** Loads every region of the folder's files as one all-or-nothing batch. */
	public Mono<BatchReport> importRegions(Path folder) {
		if (!Files.exists(folder.resolve(RegionFiles.CODES))) {
			return Mono
				.error(new IllegalArgumentException("no " + RegionFiles.CODES + " in " + folder.toAbsolutePath()));
		}
		IngestRequest request = IngestRequest.upsert(Dataset.REGIONS, SOURCE, false).withRepairedGeometries();
		Flux<java.util.Map<String, Object>> rows = Flux.defer(() -> Flux.fromIterable(new RegionFiles(folder).rows(4)))
			.subscribeOn(Schedulers.boundedElastic()); // reading the files blocks
		return this.ingest.ingest(request, rows);
	}

}
