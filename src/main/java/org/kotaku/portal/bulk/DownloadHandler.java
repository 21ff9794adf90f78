package org.kotaku.portal.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.kotaku.portal.api.Params;
import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.api.ProblemType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * {@code GET /downloads}: the versions on disk; {@code GET /downloads/{version}/{file}}:
 * one file, immutable (cached for a year), with {@code Content-Length}, a strong
 * {@code ETag}, {@code Last-Modified} and byte ranges (206; an unsatisfiable range 416);
 * {@code GET /downloads/latest/{file}}: a redirect (302) to the newest version's file. A
 * version that was pruned answers 410 with the address of the newest; a file a version
 * does not hold 404.
 */
@Configuration(proxyBeanMethods = false)
class DownloadHandler {

	private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private static final MediaType GZIP = MediaType.parseMediaType("application/gzip");

	private static final MediaType GEOPACKAGE = MediaType.parseMediaType(BulkFormat.GEOPACKAGE.mediaType());

	private final BulkStore store;

	DownloadHandler(BulkStore store) {
		this.store = store;
	}

	@Bean
	RouterFunction<ServerResponse> downloadRoutes() {
		return route().GET(BulkStore.DOWNLOADS, this::index)
			.GET(BulkStore.DOWNLOADS + "/latest/{file}", this::latest)
			.GET(BulkStore.DOWNLOADS + "/{version}/{file}", this::file)
			.build();
	}

	Mono<ServerResponse> index(ServerRequest request) {
		Params.none(request);
		List<Map<String, Object>> versions = newestFirst(this.store.manifests()).stream().map((m) -> {
			Map<String, Object> version = new LinkedHashMap<>();
			version.put("version", m.version());
			version.put("previousVersion", m.previousVersion());
			version.put("generatedAt", m.generatedAt());
			version.put("manifest", BulkStore.DOWNLOADS + "/" + m.version() + "/" + Manifest.FILE);
			return version;
		}).toList();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("latest",
				this.store.latest().map((m) -> BulkStore.DOWNLOADS + "/latest/" + Manifest.FILE).orElse(null));
		body.put("versions", versions);
		return ServerResponse.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noCache())
			.bodyValue(body);
	}

	Mono<ServerResponse> latest(ServerRequest request) {
		String file = request.pathVariable("file");
		Manifest newest = this.store.latest()
			.orElseThrow(() -> PortalException.notFound("No bulk files have been generated yet; try again after the "
					+ "first ingestion has been served."));
		this.store.file(newest, file).orElseThrow(() -> noSuchFile(newest, file));
		return ServerResponse.status(302)
			.location(URI.create(BulkStore.DOWNLOADS + "/" + newest.version() + "/" + file))
			.cacheControl(CacheControl.noCache())
			.build();
	}

	Mono<ServerResponse> file(ServerRequest request) {
		String file = request.pathVariable("file");
		long version = version(request.pathVariable("version"), file);
		Manifest manifest = this.store.manifest(version).orElseThrow(() -> gone(version, file));
		Path path = this.store.file(manifest, file).orElseThrow(() -> noSuchFile(manifest, file));
		long size = size(path);
		checkRanges(request, size);
		String etag = "\"" + manifest.files()
			.stream()
			.filter((d) -> d.file().equals(file))
			.findFirst()
			.map((d) -> d.sha256().substring(0, 32))
			.orElse("v" + version + "-" + file) + "\"";
		Instant modified = modified(path);
		return request.checkNotModified(modified, etag)
			.switchIfEmpty(Mono.defer(() -> ServerResponse.ok()
				.contentType(mediaType(file))
				.eTag(etag)
				.lastModified(modified)
				.cacheControl(IMMUTABLE)
				.header(HttpHeaders.CONTENT_DISPOSITION, disposition(file))
				.body(BodyInserters.fromResource(new FileSystemResource(path)))));
	}

	private static List<Manifest> newestFirst(List<Manifest> manifests) {
		List<Manifest> copy = new java.util.ArrayList<>(manifests);
		java.util.Collections.reverse(copy);
		return copy;
	}

	private static long version(String text, String file) {
		if (!text.matches("\\d{1,18}")) {
			throw PortalException.notFound("There is no bulk version '" + text + "': versions are data version "
					+ "numbers (see /downloads), or 'latest'.");
		}
		return Long.parseLong(text);
	}

	/**
	 * A version that is not on disk: pruned (410) when newer ones exist, else not (yet)
	 * generated (404).
	 */
	private PortalException gone(long version, String file) {
		Manifest newest = this.store.latest()
			.orElseThrow(() -> PortalException.notFound("No bulk files have been generated yet."));
		if (version > newest.version()) {
			return PortalException.notFound(
					"Data version " + version + " has no bulk files (yet); the newest is " + newest.version() + ".");
		}
		return new PortalException(ProblemType.GONE,
				"The bulk files of data version " + version + " are no longer kept; the newest version is "
						+ newest.version() + ".",
				Map.of("latestVersion", newest.version(), "latest", BulkStore.DOWNLOADS + "/latest/" + file), null);
	}

	private static PortalException noSuchFile(Manifest manifest, String file) {
		return PortalException.notFound(
				"Data version " + manifest.version() + " has no bulk file '" + file + "'; its files are listed in "
						+ BulkStore.DOWNLOADS + "/" + manifest.version() + "/" + Manifest.FILE + ".");
	}

	/**
	 * 416 when a well-formed {@code Range} starts beyond the file (a malformed one is
	 * ignored, RFC 9110 14.2).
	 */
	private static void checkRanges(ServerRequest request, long size) {
		List<HttpRange> ranges;
		try {
			ranges = request.headers().asHttpHeaders().getRange();
		}
		catch (IllegalArgumentException ex) {
			return;
		}
		for (HttpRange range : ranges) {
			if (!satisfiable(range, size)) {
				throw new PortalException(ProblemType.RANGE_NOT_SATISFIABLE,
						"The range " + range + " lies outside " + "the file's " + size + " bytes.",
						Map.of("size", size), null);
			}
		}
	}

	private static boolean satisfiable(HttpRange range, long size) {
		try {
			return range.getRangeStart(size) < size && range.getRangeStart(size) <= range.getRangeEnd(size);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static MediaType mediaType(String file) {
		if (file.endsWith(".gz")) {
			return GZIP;
		}
		if (file.endsWith(".gpkg")) {
			return GEOPACKAGE;
		}
		return file.endsWith(".json") ? MediaType.APPLICATION_JSON
				: new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String disposition(String file) {
		boolean data = file.endsWith(".gz") || file.endsWith(".gpkg");
		return (data ? "attachment" : "inline") + "; filename=\"" + file + "\"";
	}

	private static long size(Path path) {
		try {
			return Files.size(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Instant modified(Path path) {
		try {
			return Files.getLastModifiedTime(path).toInstant();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
