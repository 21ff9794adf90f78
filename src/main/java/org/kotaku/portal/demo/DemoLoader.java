package org.kotaku.portal.demo;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.file.Files;
import java.nio.file.Path;

import reactor.core.scheduler.Schedulers;

import org.kotaku.portal.imports.RegionFiles;
import org.kotaku.portal.ingest.batch.BatchLog;
import org.kotaku.portal.ingest.batch.BatchReport;
import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.ingest.batch.IngestRequest;
import org.kotaku.portal.ingest.IngestService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the synthetic demo dataset on the first start of an empty database (no batch ever
 * committed), one dataset after the other through {@link IngestService}, exactly like
 * data pushed by the program's systems. It runs in the background after start-up: the
 * portal answers (with empty figures) while it loads. A database that has data is left
 * alone, so restarting never loads the demo twice.
 */
@Component
public class DemoLoader {

	private static final Log log = LogFactory.getLog(DemoLoader.class);

	private final DemoProperties properties;

	private final IngestService ingest;

	private final BatchLog batches;

	private volatile Disposable loading;

	public DemoLoader(DemoProperties properties, IngestService ingest, BatchLog batches) {
		this.properties = properties;
		this.ingest = ingest;
		this.batches = batches;
	}

	@EventListener(ApplicationReadyEvent.class)
	public void loadWhenEmpty() {
		if (!this.properties.loadOnEmpty()) {
			return;
		}
		this.loading = this.batches.none()
			.filter(Boolean::booleanValue)
			.flatMapMany((empty) -> load(this.properties.scale(), this.properties.seed())
				.concatWith(loadBoundaries(this.properties.regionFiles())))
			.subscribe(null, (ex) -> log.error("loading the demo dataset failed", ex));
	}

	/** Loads every dataset of the synthetic dataset, in dependency order. */
	public Flux<BatchReport> load(DemoScale scale, long seed) {
		return Mono.fromCallable(() -> new DemoDataset(scale, seed)).flatMapMany((dataset) -> {
			log.info("loading the synthetic " + scale.name().toLowerCase() + " dataset (seed " + seed + ")");
			long start = System.nanoTime();
			return Flux.fromIterable(DemoDataset.loadOrder())
				.concatMap(
						(d) -> this.ingest.ingest(IngestRequest.upsert(d, DemoDataset.SOURCE, true), dataset.rows(d)))
				.doOnComplete(() -> log.info("demo dataset loaded in " + Duration.ofNanos(System.nanoTime() - start)));
		});
	}

	/**
	 * Lays the real province and regency boundaries (and official names, areas and
	 * populations) over the regions, when the region files are there. They carry small
	 * geometry defects, repaired by PostGIS.
	 */
	public Flux<BatchReport> loadBoundaries(Path folder) {
		if (!Files.exists(folder.resolve(RegionFiles.PROVINCES))) {
			log.info("no region files in " + folder.toAbsolutePath() + ": regions keep label points only");
			return Flux.empty();
		}
		IngestRequest request = IngestRequest.upsert(Dataset.REGIONS, "region-files", false).withRepairedGeometries();
		return Mono.fromCallable(() -> new RegionFiles(folder).rows(2))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMapMany((rows) -> this.ingest.ingest(request, Flux.fromIterable(rows)));
	}

	/** Whether a background load is still running (for health). */
	public boolean loading() {
		Disposable current = this.loading;
		return current != null && !current.isDisposed();
	}

}
