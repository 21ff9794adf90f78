package org.kotaku.portal.bulk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.api.ConsistentRead;
import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.dataversion.DataVersion;
import org.kotaku.portal.licence.Licence;
import org.kotaku.portal.listing.WholeDatasets;

/**
 * The folder of one data version's bulk files, from nothing to served: every dataset's
 * files written into a temporary folder, then the deltas against the previous version,
 * the licence and the manifest added, and the folder renamed into place
 * ({@link BulkStore} serves it from then on) and old versions pruned.
 * {@link BulkGenerator} decides when.
 */
final class VersionFolders {

	private final BulkStore store;

	private final BulkProperties properties;

	private final Licence licence;

	private final JsonMapper json;

	private final WholeDatasets datasets;

	private final DatasetFiles files;

	VersionFolders(WholeDatasets datasets, BulkStore store, BulkProperties properties, Licence licence,
			JsonMapper json) {
		this.datasets = datasets;
		this.store = store;
		this.properties = properties;
		this.licence = licence;
		this.json = json;
		this.files = new DatasetFiles(datasets);
	}

	/**
	 * The written (not yet renamed) folder of {@code version}, with the version it was
	 * read at.
	 */
	record Written(Path folder, DataVersion version, List<Download> files) {
	}

	/**
	 * Writes every dataset's files of {@code version} into a new temporary folder, read
	 * in {@code snapshot}, {@link BulkProperties#lanes()} datasets side by side; the
	 * folder is deleted if any fails.
	 */
	Mono<Written> write(DataVersion version, ConsistentRead.Shared snapshot) {
		return Mono.fromCallable(() -> {
			Files.createDirectories(this.store.root());
			// readable by a web server in front of the portal, as the files are
			return Files.createTempDirectory(this.store.root(), ".tmp-v" + version.version() + "-",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		})
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((folder) -> largestFirst()
				.flatMap((dataset) -> snapshot.join(this.files.write(dataset, version, folder)),
						this.properties.lanes())
				.collectList()
				.map((files) -> new Written(folder, version, inCatalogOrder(files)))
				.onErrorResume((error) -> Mono.fromRunnable(() -> BulkStore.delete(folder)).then(Mono.error(error))));
	}

	/**
	 * The datasets, largest first by the planner's estimate, so the largest does not
	 * start last in its lane.
	 */
	private Flux<Dataset> largestFirst() {
		return Flux.fromIterable(Catalog.all())
			.flatMap((dataset) -> this.datasets.estimatedRows(dataset).map((rows) -> Map.entry(dataset, rows)))
			.sort(Map.Entry.<Dataset, Long>comparingByValue().reversed())
			.map(Map.Entry::getKey);
	}

	/**
	 * The files in the order of the catalog, then of their formats, whatever order they
	 * were written in.
	 */
	private static List<Download> inCatalogOrder(List<Download> files) {
		List<String> datasets = Catalog.all().stream().map(Dataset::id).toList();
		return files.stream()
			.sorted(Comparator.comparingInt((Download file) -> datasets.indexOf(file.dataset())))
			.toList();
	}

	/**
	 * Adds the deltas, licence and manifest, renames the folder into place and prunes old
	 * versions.
	 */
	Mono<Manifest> complete(Written written) {
		return Mono.fromCallable(() -> {
			try {
				return install(written);
			}
			catch (RuntimeException | IOException ex) {
				BulkStore.delete(written.folder());
				throw ex;
			}
		}).subscribeOn(Schedulers.boundedElastic());
	}

	private Manifest install(Written written) throws IOException {
		long version = written.version().version();
		Optional<Manifest> previous = this.store.latest().filter((m) -> m.version() < version);
		List<Download> files = new ArrayList<>(written.files());
		previous.ifPresent((before) -> files.addAll(deltas(before, written)));
		Files.writeString(written.folder().resolve(Manifest.LICENCE_FILE), licenceText(), StandardCharsets.UTF_8);
		Manifest manifest = new Manifest(version, previous.map(Manifest::version).orElse(null),
				written.version().dataset(), written.version().asOf(), Instant.now(), this.licence.member(), files,
				Manifest.LAYOUT);
		this.json.writeValue(written.folder().resolve(Manifest.FILE).toFile(), manifest);
		replaceOlderLayout(version);
		Files.move(written.folder(), this.store.folder(version), StandardCopyOption.ATOMIC_MOVE);
		this.store.refresh();
		this.store.prune(this.properties.keep());
		return manifest;
	}

	/**
	 * Moves a folder of this version written by an older build aside (deleted at the next
	 * prune).
	 */
	private void replaceOlderLayout(long version) throws IOException {
		Path existing = this.store.folder(version);
		if (Files.isDirectory(existing)) {
			Files.move(existing, this.store.root().resolve(".tmp-old-v" + version + "-" + System.nanoTime()),
					StandardCopyOption.ATOMIC_MOVE);
		}
	}

	/**
	 * The delta of every dataset the previous version has a CSV file of; datasets side by
	 * side (two cores).
	 */
	private List<Download> deltas(Manifest before, Written written) {
		return Catalog.all()
			.parallelStream()
			.map((dataset) -> this.store.file(before, BulkFormat.CSV.fileName(dataset))
				.map((old) -> delta(dataset, old, before, written)))
			.flatMap(Optional::stream)
			.toList();
	}

	private Download delta(Dataset dataset, Path old, Manifest before, Written written) {
		Path file = written.folder().resolve(BulkFormat.DELTA.fileName(dataset));
		long changes;
		try (GzipText out = new GzipText(file)) {
			changes = new Delta(dataset, this.json).write(old,
					written.folder().resolve(BulkFormat.CSV.fileName(dataset)), out);
		}
		return Download.of(dataset, BulkFormat.DELTA, file, changes, written.version().version(), before.version());
	}

	private String licenceText() {
		return """
				These files are published under %s (%s), %s.
				Credit: %s, and name the data version (the folder's number).
				manifest.json lists every file with its size and SHA-256; the fields are described at /api/v1/datasets.
				""".formatted(this.licence.title(), this.licence.id(), this.licence.url(),
				this.licence.attributionText());
	}

}
