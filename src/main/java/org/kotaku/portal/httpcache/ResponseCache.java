package org.kotaku.portal.httpcache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.kotaku.portal.dataversion.DataVersion;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Rendered public answers (bytes, gzip variant, ETag) kept per data version and
 * normalised request ({@link RequestKey}) in a {@link VersionedCache}, bounded by their
 * size in bytes. Metrics: {@code cache_*{cache="responses"}} and
 * {@code portal.response-cache.*}.
 */
@Component
public class ResponseCache implements FastAnswers {

	private static final int GZIP_FROM_BYTES = 512;

	private final VersionedCache<String, CachedResponse> cache;

	/**
	 * The paths of the answers rendered so far: a request for any other path is not
	 * looked up at all.
	 */
	private final Set<String> paths = ConcurrentHashMap.newKeySet();

	private final HttpCacheProperties properties;

	private final ObjectProvider<AnswerHeaders> answerHeaders;

	ResponseCache(HttpCacheProperties properties, VersionedCaches caches, MeterRegistry meters,
			ObjectProvider<AnswerHeaders> answerHeaders) {
		this.properties = properties;
		this.answerHeaders = answerHeaders;
		this.cache = caches.byWeight("responses", properties.maxSize().toBytes(),
				(String key, CachedResponse value) -> key.length() * 2 + value.weight());
		Gauge.builder("portal.response-cache.bytes", this.cache, VersionedCache::weight)
			.description("Bytes of rendered answers held by the response cache")
			.baseUnit("bytes")
			.register(meters);
		Gauge.builder("portal.response-cache.hit-ratio", this.cache, VersionedCache::hitRate)
			.description("Share of response-cache lookups answered from the cache since start")
			.register(meters);
	}

	/** The cached answer to this request at this data version, or null. */
	@Override
	public CachedResponse find(ServerHttpRequest request, long version) {
		if (!this.paths.contains(request.getPath().pathWithinApplication().value())) {
			return null;
		}
		return this.cache.ready(version, RequestKey.of(request));
	}

	/**
	 * The cached answer, or the one {@code render} makes now (stored for the next
	 * requests).
	 */
	CachedResponse getOrRender(DataVersion version, ServerHttpRequest request, String route, Rendered.Renderer render) {
		return getOrRender(version, "", request, route, render);
	}

	/**
	 * The same for an answer that also depends on {@code variant}, a state besides the
	 * data version (e.g. which bulk files exist): it is part of the key and the ETag. The
	 * fast path does not find such answers. {@code route} is the pattern of the route
	 * answering it (null when unknown), for the fast path's request metrics.
	 */
	CachedResponse getOrRender(DataVersion version, String variant, ServerHttpRequest request, String route,
			Rendered.Renderer render) {
		String key = RequestKey.of(request) + (variant.isEmpty() ? "" : " " + variant);
		String path = request.getPath().pathWithinApplication().value();
		this.paths.add(path);
		return this.cache.compute(version.version(), key, (k) -> store(version, key, path, route, render.render()));
	}

	long size() {
		return this.cache.size();
	}

	/**
	 * Prepares an answer with its own ETag and Cache-Control (e.g. a tile: the data
	 * version, immutable), with the headers every answer gets and those the
	 * {@link AnswerHeaders} beans give its path; no gzip variant.
	 */
	CachedResponse prepare(DataVersion version, String path, String route, String etag, String cacheControl,
			String contentType, byte[] body) {
		return CachedResponse.of(etag, version, contentType, body, null, cacheControl, extraHeaders(path), route);
	}

	private CachedResponse store(DataVersion version, String key, String path, String route, Rendered rendered) {
		byte[] gzip = rendered.body().length >= GZIP_FROM_BYTES ? gzip(rendered.body()) : null;
		return CachedResponse.of(ConditionalGet.etag(version.version(), key), version, rendered.contentType(),
				rendered.body(), gzip, this.properties.cacheControl(), extraHeaders(path), route);
	}

	private HttpHeaders extraHeaders(String path) {
		HttpHeaders extra = new HttpHeaders();
		this.answerHeaders.orderedStream().forEach((contributor) -> contributor.addTo(path, extra));
		return extra;
	}

	private static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
		try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
			zip.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
