package org.kotaku.portal.httpcache;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The normalised form of a request as a cache key: path, query parameters sorted by name
 * (values in their order) and the {@code Accept} header, which can change the
 * representation. Two requests with the same key get the same answer for the same data
 * version, and the same ETag ({@link ConditionalGet#etag}).
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

}
