package org.kotaku.portal.bulk;

import java.util.concurrent.atomic.AtomicBoolean;

import io.r2dbc.spi.ConnectionFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.api.ConsistentRead;
import org.kotaku.portal.dataversion.DataVersions;
import org.kotaku.portal.licence.Licence;
import org.kotaku.portal.listing.WholeDatasets;
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

	private final DataVersions versions;

	private final BulkStore store;

	private final BulkProperties properties;

	private final ReactiveTransactionManager transactions;

	private final DatabaseClient db;

	private final ConnectionFactory connections;

	private final VersionFolders folders;

	private final AtomicBoolean running = new AtomicBoolean();

	private final AtomicBoolean pending = new AtomicBoolean();

	BulkGenerator(WholeDatasets datasets, DataVersions versions, BulkStore store, BulkProperties properties,
			Licence licence, JsonMapper json, ReactiveTransactionManager transactions, DatabaseClient db,
			ConnectionFactory connections) {
		this.versions = versions;
		this.store = store;
		this.properties = properties;
		this.transactions = transactions;
		this.db = db;
		this.connections = connections;
		this.folders = new VersionFolders(datasets, store, properties, licence, json);
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
				.flatMap((version) -> this.folders.write(version, snapshot)))
			.flatMap(this.folders::complete);
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

}
