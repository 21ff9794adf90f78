package org.kotaku.portal.httpcache;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The normalised form of a request as a cache key: path, query parameters sorted by name (values in their
 * order) and the {@code Accept} header, which can change the representation. Two requests with the same key get
 * the same answer for the same data version.
 */
public final class RequestKey {

	private RequestKey() {
	}

	public static String of(ServerHttpRequest request) {
		StringBuilder key = new StringBuilder(request.getPath().pathWithinApplication().value());
		Map<String, List<String>> sorted = new TreeMap<>(request.getQueryParams());
		char separator = '?';
		for (Map.Entry<String, List<String>> parameter : sorted.entrySet()) {
			for (String value : parameter.getValue()) {
				key.append(separator).append(parameter.getKey()).append('=').append(value == null ? "" : value);
				separator = '&';
			}
		}
		String accept = request.getHeaders().getFirst(HttpHeaders.ACCEPT);
		return key.append(" accept=").append(accept == null ? "*/*" : accept.strip()).toString();
	}

	/** A weak ETag from the data version and the request: it changes exactly when either does. */
	static String etag(long version, String key) {
		CRC32C crc = new CRC32C();
		crc.update(key.getBytes(StandardCharsets.UTF_8));
		return "W/\"v" + version + "-" + Long.toHexString(crc.getValue()) + "\"";
	}

}
