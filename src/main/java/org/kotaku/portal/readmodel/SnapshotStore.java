package org.kotaku.portal.readmodel;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.scheduler.Schedulers;

import org.kotaku.portal.dataversion.DataVersion;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The snapshot being served, kept on disk ({@code portal.read-model.snapshot-directory}),
 * so that a restarted node serves its figures as soon as it runs instead of after a whole
 * build. The file is written after each swap, off the request path, to a temporary name
 * renamed when complete. It is read once, for the first snapshot, and only used when it
 * was written by this very build of the portal (the build's time, from build-info) at the
 * data version the database holds now: anything else (another build, another version, a
 * damaged file) is ignored and the snapshot built as before. Only the read model's own
 * classes are deserialised.
 */
@Component
class SnapshotStore {

	private static final Log log = LogFactory.getLog(SnapshotStore.class);

	static final String FILE = "snapshot.ser";

	private final Path directory;

	private final String build;

	private final AtomicReference<Snapshot> next = new AtomicReference<>();

	private final AtomicBoolean writing = new AtomicBoolean();

	/** The file as read at start-up, for the first {@link #read} only. */
	private final AtomicReference<CompletableFuture<Optional<Stored>>> early = new AtomicReference<>();

	SnapshotStore(ReadModelProperties properties, ObjectProvider<BuildProperties> build) {
		String folder = properties.snapshotDirectory();
		BuildProperties info = build.getIfAvailable();
		// without build-info (a run from an IDE) nothing tells one build's file from
		// another's: never keep one
		this.build = info == null || info.getTime() == null ? null : info.getVersion() + "@" + info.getTime();
		this.directory = folder == null || folder.isBlank() || this.build == null ? null : Path.of(folder);
		if (enabled()) {
			readEarly();
		}
	}

	/** Whether snapshots are kept on disk. */
	boolean enabled() {
		return this.directory != null;
	}

	/**
	 * The stored snapshot of exactly {@code version} written by this build, if there is
	 * one that reads.
	 */
	Optional<Snapshot> read(DataVersion version) {
		if (!enabled()) {
			return Optional.empty();
		}
		CompletableFuture<Optional<Stored>> early = this.early.getAndSet(null);
		Optional<Stored> stored = early != null ? early.join() : readFile();
		if (stored.isPresent() && !version.equals(stored.get().snapshot().version())) {
			log.info("stored snapshot " + file() + " is of another data version; building the snapshot");
			return Optional.empty();
		}
		return stored.map(Stored::snapshot);
	}

	/**
	 * Starts reading the file while the rest of the application starts (it takes about a
	 * second at national scale); the first {@link #read} then only waits for what is left
	 * and checks the version.
	 */
	private void readEarly() {
		CompletableFuture<Optional<Stored>> reading = new CompletableFuture<>();
		this.early.set(reading);
		Thread reader = new Thread(() -> reading.complete(readFile()), "read-model-snapshot-reader");
		reader.setDaemon(true);
		reader.start();
	}

	/** The file's contents when they read and were written by this build. */
	private Optional<Stored> readFile() {
		Path file = file();
		try (ObjectInputStream in = new ObjectInputStream(
				new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
			in.setObjectInputFilter(SnapshotStore::onlyReadModelClasses);
			Stored stored = (Stored) in.readObject();
			if (!this.build.equals(stored.build())) {
				log.info("stored snapshot " + file + " is of another build; building the snapshot");
				return Optional.empty();
			}
			return Optional.of(stored);
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException | ClassNotFoundException | ClassCastException | IllegalStateException ex) {
			log.warn("stored snapshot " + file + " does not read (" + ex + "); building the snapshot");
			return Optional.empty();
		}
	}

	private Path file() {
		return this.directory.resolve(FILE);
	}

	/**
	 * A new snapshot is served: keep it (the newest only, written one at a time on a
	 * worker thread).
	 */
	@EventListener
	void onSwap(SnapshotSwapped swapped) {
		if (!enabled() || swapped.current().origin() == Snapshot.Origin.RESTORED) {
			return; // a restored snapshot is the file already
		}
		this.next.set(swapped.current());
		if (this.writing.compareAndSet(false, true)) {
			Schedulers.boundedElastic().schedule(this::writeLatest);
		}
	}

	private void writeLatest() {
		try {
			for (Snapshot snapshot = this.next.getAndSet(null); snapshot != null; snapshot = this.next
				.getAndSet(null)) {
				write(snapshot);
			}
		}
		finally {
			this.writing.set(false);
		}
		if (this.next.get() != null && this.writing.compareAndSet(false, true)) {
			Schedulers.boundedElastic().schedule(this::writeLatest);
		}
	}

	private void write(Snapshot snapshot) {
		Path temporary = null;
		try {
			Files.createDirectories(this.directory);
			deleteLeftovers();
			temporary = Files.createTempFile(this.directory, ".tmp-snapshot-", ".ser");
			try (OutputStream file = Files.newOutputStream(temporary);
					ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(file, 1 << 16))) {
				out.writeObject(new Stored(this.build, snapshot));
			}
			Files.move(temporary, this.directory.resolve(FILE), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("could not keep the snapshot of data version " + snapshot.version().version() + " on disk: " + ex);
			deleteQuietly(temporary);
		}
	}

	/** Temporary files of a node that stopped while writing. */
	private void deleteLeftovers() throws IOException {
		try (var files = Files.newDirectoryStream(this.directory, ".tmp-snapshot-*")) {
			files.forEach(SnapshotStore::deleteQuietly);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			if (file != null) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			log.debug("could not delete " + file, ex);
		}
	}

	/**
	 * What a snapshot is made of, nothing else: java.base's value and collection types
	 * and the read model's.
	 */
	private static ObjectInputFilter.Status onlyReadModelClasses(ObjectInputFilter.FilterInfo info) {
		Class<?> type = info.serialClass();
		if (type == null) {
			return ObjectInputFilter.Status.UNDECIDED;
		}
		while (type.isArray()) {
			type = type.getComponentType();
		}
		String name = type.getName();
		boolean allowed = type.isPrimitive() || name.startsWith("java.lang.") || name.startsWith("java.util.")
				|| name.startsWith("java.math.") || name.startsWith("java.time.")
				|| name.startsWith(SnapshotStore.class.getPackageName() + ".") || type == DataVersion.class;
		return allowed ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
	}

	/** The file's one object: the build that wrote it and the snapshot. */
	record Stored(String build, Snapshot snapshot) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

	}

}
