package org.kotaku.portal.httpcache;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

import reactor.core.publisher.Mono;

import org.kotaku.portal.dataversion.DataVersion;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The one place of conditional GETs: the one ETag format,
 * {@code W/"v<data version>-<hash>"} (it changes exactly when the data or the
 * representation do), the one {@code If-None-Match} matcher, and the headers that
 * describe which data an answer shows and how long it may be kept (ETag, Cache-Control,
 * Vary, {@code X-Data-Version}, {@code X-Data-As-Of}), on a 200 and on its 304 alike.
 * Cached answers ({@link CachedResponse}), routed answers ({@link ConditionalGetFilter})
 * and the handlers that validate their own answers ({@link #answer}, e.g. tiles) all go
 * through it.
 */
public final class ConditionalGet {

	public static final String DATA_VERSION = "X-Data-Version";

	public static final String DATA_AS_OF = "X-Data-As-Of";

	private static final int NOT_MODIFIED = HttpStatus.NOT_MODIFIED.value();

	private ConditionalGet() {
	}

	/**
	 * The ETag of an answer: weak, from the data version and a hash of {@code key}, what
	 * selects the representation (a {@link RequestKey}, or a path where nothing else
	 * does).
	 */
	public static String etag(long version, String key) {
		CRC32C crc = new CRC32C();
		crc.update(key.getBytes(StandardCharsets.UTF_8));
		return "W/\"v" + version + "-" + Long.toHexString(crc.getValue()) + "\"";
	}

	/**
	 * Whether {@code If-None-Match} header values name {@code etag}: RFC 9110 13.1.2 weak
	 * comparison, lists, and {@code *} for any current representation.
	 */
	public static boolean matches(List<String> ifNoneMatch, String etag) {
		if (ifNoneMatch == null) {
			return false;
		}
		String opaque = opaque(etag);
		for (String header : ifNoneMatch) {
			for (String tag : header.split(",")) {
				String candidate = tag.strip();
				if (candidate.equals("*") || opaque(candidate).equals(opaque)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Describes an answer of {@code version}: its ETag and Cache-Control, {@code vary}
	 * added to Vary unless it is there, and the data version and its commit time.
	 */
	public static void describe(HttpHeaders headers, String etag, String cacheControl, String vary,
			DataVersion version) {
		headers.setETag(etag);
		headers.setCacheControl(cacheControl);
		if (!headers.getVary().contains(vary)) {
			headers.add(HttpHeaders.VARY, vary);
		}
		headers.set(DATA_VERSION, Long.toString(version.version()));
		if (version.asOf() != null) {
			headers.set(DATA_AS_OF, version.asOf().toString());
		}
	}

	/**
	 * Answers a request of a handler that validates its own answers (its route in
	 * {@link SelfValidatingRoutes}): 304 when {@code If-None-Match} names the ETag of
	 * {@code key} at {@code version}, else the answer {@code fresh} makes. Either is
	 * described as it is sent ({@link #describeWhenSent}), with {@code cacheControl} and
	 * {@code Vary: vary}: the 304 carries what the 200 says.
	 */
	public static Mono<ServerResponse> answer(ServerRequest request, DataVersion version, String key,
			String cacheControl, String vary, Supplier<Mono<ServerResponse>> fresh) {
		String etag = etag(version.version(), key);
		describeWhenSent(request.exchange().getResponse(), etag, cacheControl, vary, version);
		if (matches(request.headers().header(HttpHeaders.IF_NONE_MATCH), etag)) {
			return ServerResponse.status(HttpStatus.NOT_MODIFIED).build();
		}
		return fresh.get();
	}

	/**
	 * Describes the response just before it is sent ({@link #describe}), if it is a
	 * success or a 304 without an ETag of its own: an error is never described (never
	 * cached), and what a handler or filter put in Vary (CORS) stays.
	 */
	static void describeWhenSent(ServerHttpResponse response, String etag, String cacheControl, String vary,
			DataVersion version) {
		response.beforeCommit(() -> Mono.fromRunnable(() -> {
			HttpStatusCode status = response.getStatusCode();
			boolean described = status != null && (status.is2xxSuccessful() || status.value() == NOT_MODIFIED);
			if (described && response.getHeaders().getETag() == null) {
				describe(response.getHeaders(), etag, cacheControl, vary, version);
			}
		}));
	}

	private static String opaque(String tag) {
		return tag.startsWith("W/") ? tag.substring(2) : tag;
	}

}
