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
import java.util.concurrent.atomic.AtomicBoolean;

import io.r2dbc.spi.ConnectionFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.api.ConsistentRead;
import org.kotaku.portal.dataversion.DataVersion;
import org.kotaku.portal.dataversion.DataVersions;
import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.licence.Licence;
import org.kotaku.portal.listing.Listings;
import org.kotaku.portal.readmodel.SnapshotSwapped;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;

/**
 * Writes the bulk files of the current data version whenever the portal starts serving a
 * new one, never on a request: every dataset is read in a repeatable-read transaction of
 * one shared snapshot (so all files show the same version, even while the next ingestion
 * commits; two datasets are read side by side), written to a temporary folder, and the
 * folder renamed to {@code v<version>} once complete; then old versions are pruned. One
 * generation runs at a time; a version that arrives meanwhile is generated next. A failed
 * generation is logged, leaves the previous files serving, and is tried again after
 * {@link BulkProperties#retryAfter()}.
 */
@Component
class BulkGenerator {

	private static final Log log = LogFactory.getLog(BulkGenerator.class);

	private final Listings listings;

	private final DataVersions versions;

	private final BulkStore store;

	private final BulkProperties properties;

	private final Licence licence;

	private final JsonMapper json;

	private final ReactiveTransactionManager transactions;

	private final DatabaseClient db;

	private final ConnectionFactory connections;

	private final DatasetFiles files;

	private final AtomicBoolean running = new AtomicBoolean();

	private final AtomicBoolean pending = new AtomicBoolean();

	BulkGenerator(Listings listings, DataVersions versions, BulkStore store, BulkProperties properties, Licence licence,
			JsonMapper json, ReactiveTransactionManager transactions, DatabaseClient db,
			ConnectionFactory connections) {
		this.listings = listings;
		this.versions = versions;
		this.store = store;
		this.properties = properties;
		this.licence = licence;
		this.json = json;
		this.transactions = transactions;
		this.db = db;
		this.connections = connections;
		this.files = new DatasetFiles(listings);
	}

	/**
	 * A new version is served: the first snapshot after start-up too, so a restarted node
	 * writes what is missing after its read model is in, not beside the first build
	 * (which needs both cores for a few seconds).
	 */
	@EventListener
	void onSwap(SnapshotSwapped swapped) {
		request();
	}

	/**
	 * Asks for the current version's files; returns at once (the work runs off the
	 * caller's thread).
	 */
	void request() {
		if (!this.properties.enabled()) {
			return;
		}
		this.pending.set(true);
		if (this.running.compareAndSet(false, true)) {
			this.pending.set(false);
			long started = System.nanoTime();
			generate().subscribe((manifest) -> generated(manifest, started), this::failed, this::finished);
		}
	}

	/**
	 * Generates the current version's files unless they exist; emits the new manifest, or
	 * nothing when the version is already on disk (or there are no data yet). Folders of
	 * versions this database did not commit are set aside first, so they are neither
	 * served nor taken as the base of a delta.
	 */
	Mono<Manifest> generate() {
		return ConsistentRead
			.shared(this.connections, this.transactions, this.db, (snapshot) -> snapshot.join(this.versions.current())
				.next()
				.flatMap((version) -> this.store.setAsideForeign(version.version()).thenReturn(version))
				.filter((version) -> version.version() > 0
						&& !this.store.manifest(version.version()).filter(Manifest::isCurrentLayout).isPresent())
				.flatMap((version) -> writeFolder(version, snapshot)))
			.flatMap(this::complete);
	}

	private void generated(Manifest manifest, long started) {
		long bytes = manifest.files().stream().mapToLong(Download::byteSize).sum();
		log.info(String.format(java.util.Locale.ROOT,
				"Bulk files of data version %d written in %.1f s: %d files, %d bytes, in %s", manifest.version(),
				(System.nanoTime() - started) / 1e9, manifest.files().size(), bytes,
				this.store.folder(manifest.version())));
	}

	private void failed(Throwable error) {
		log.error("Bulk file generation failed; the previous files keep serving, retrying in "
				+ this.properties.retryAfter(), error);
		this.running.set(false);
		Mono.delay(this.properties.retryAfter()).subscribe((tick) -> request());
	}

	private void finished() {
		this.running.set(false);
		if (this.pending.get()) {
			request();
		}
	}

	/**
	 * The written (not yet renamed) folder of {@code version}, with the version it was
	 * read at.
	 */
	private record Written(Path folder, DataVersion version, List<Download> files) {
	}

	private Mono<Written> writeFolder(DataVersion version, ConsistentRead.Shared snapshot) {
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
			.flatMap((dataset) -> this.listings.estimatedRows(dataset).map((rows) -> Map.entry(dataset, rows)))
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
	private Mono<Manifest> complete(Written written) {
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
