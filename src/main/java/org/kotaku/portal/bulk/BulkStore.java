package org.kotaku.portal.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.dataversion.DataVersions;

import org.springframework.stereotype.Component;

/**
 * The bulk files on disk: one folder {@code v<version>} per data version, complete once
 * its {@code manifest.json} exists (folders are written under a temporary name and
 * renamed whole, so a reader never sees half of one). Knows the versions it holds, newest
 * last, and deletes all but the newest few.
 */
@Component
class BulkStore {

	static final String DOWNLOADS = "/downloads";

	private static final Log log = LogFactory.getLog(BulkStore.class);

	private static final Pattern VERSION_FOLDER = Pattern.compile("v(\\d+)");

	/** File names a request may name: no separators, no dots at the start. */
	private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}|LICENCE\\.txt");

	private final Path root;

	private final JsonMapper json;

	private final DataVersions versions;

	private final AtomicReference<List<Manifest>> manifests = new AtomicReference<>(List.of());

	BulkStore(BulkProperties properties, JsonMapper json, DataVersions versions) {
		this.root = properties.directory();
		this.json = json;
		this.versions = versions;
		refresh();
	}

	Path root() {
		return this.root;
	}

	/** The complete versions on disk, oldest first. */
	List<Manifest> manifests() {
		return this.manifests.get();
	}

	Optional<Manifest> latest() {
		List<Manifest> all = manifests();
		return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
	}

	Optional<Manifest> manifest(long version) {
		return manifests().stream().filter((m) -> m.version() == version).findFirst();
	}

	/**
	 * The file {@code name} of {@code version}, when that version is on disk and lists
	 * it.
	 */
	Optional<Path> file(Manifest manifest, String name) {
		if (!FILE_NAME.matcher(name).matches() || !manifest.holds(name)) {
			return Optional.empty();
		}
		Path file = folder(manifest.version()).resolve(name);
		return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
	}

	Path folder(long version) {
		return this.root.resolve("v" + version);
	}

	/** Reads the folders again (after a generation, or at start). */
	void refresh() {
		this.manifests.set(readManifests());
	}

	/**
	 * Sets aside the folders of versions this database did not commit ({@code current}
	 * being its current version; see {@link #foreign}); they are deleted at the next
	 * prune and never served again.
	 */
	Mono<Void> setAsideForeign(long current) {
		List<Manifest> kept = manifests();
		if (kept.isEmpty()) {
			return Mono.empty();
		}
		return this.versions.committedAt(kept.stream().map(Manifest::version).toList())
			.flatMap((committed) -> Mono.fromRunnable(() -> discard(foreign(kept, current, committed)))
				.subscribeOn(Schedulers.boundedElastic()))
			.then();
	}

	private void discard(List<Manifest> foreign) {
		for (Manifest manifest : foreign) {
			log.warn("Setting aside bulk folder " + folder(manifest.version()) + ": data version " + manifest.version()
					+ " as of " + manifest.asOf() + " is not this database's");
			try {
				Files.move(folder(manifest.version()),
						this.root.resolve(".tmp-foreign-v" + manifest.version() + "-" + System.nanoTime()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		refresh();
	}

	/**
	 * The kept versions that are not the database's: newer than its current version, or
	 * committed by it at another time or never (the folder of another database written
	 * into the same directory, or of one since recreated).
	 */
	static List<Manifest> foreign(List<Manifest> kept, long current, Map<Long, Instant> committedAt) {
		return kept.stream()
			.filter((m) -> m.version() > current || !Objects.equals(committedAt.get(m.version()), m.asOf()))
			.toList();
	}

	/**
	 * Deletes every complete version but the newest {@code keep}, and temporary folders
	 * of failed runs.
	 */
	void prune(int keep) {
		List<Manifest> all = manifests();
		for (Manifest old : all.subList(0, Math.max(0, all.size() - keep))) {
			delete(folder(old.version()));
		}
		try (Stream<Path> entries = list()) {
			entries.filter((p) -> p.getFileName().toString().startsWith(".tmp-")).forEach(BulkStore::delete);
		}
		refresh();
	}

	private List<Manifest> readManifests() {
		if (!Files.isDirectory(this.root)) {
			return List.of();
		}
		try (Stream<Path> entries = list()) {
			return entries.map(this::readManifest)
				.flatMap(Optional::stream)
				.sorted(Comparator.comparingLong(Manifest::version))
				.toList();
		}
	}

	private Optional<Manifest> readManifest(Path folder) {
		Matcher name = VERSION_FOLDER.matcher(folder.getFileName().toString());
		Path manifest = folder.resolve(Manifest.FILE);
		if (!name.matches() || !Files.isRegularFile(manifest)) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.json.readValue(manifest.toFile(), Manifest.class));
		}
		catch (RuntimeException ex) {
			log.warn("Ignoring bulk folder " + folder + ": unreadable " + Manifest.FILE + " (" + ex.getMessage() + ")");
			return Optional.empty();
		}
	}

	private Stream<Path> list() {
		try {
			return Files.isDirectory(this.root) ? Files.list(this.root) : Stream.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void delete(Path folder) {
		try (Stream<Path> walk = Files.walk(folder)) {
			walk.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		catch (IOException ex) {
			log.warn("Could not delete " + folder + ": " + ex.getMessage());
		}
	}

}
