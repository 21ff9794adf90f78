package org.kotaku.portal.ingest.web;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.api.ProblemType;
import org.kotaku.portal.ingest.keys.ApiKey;
import org.kotaku.portal.ingest.keys.ApiKeys;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Lets a request through to the internal routes only with
 * {@code Authorization: Bearer <key>} of a live API key (401 otherwise), and hands the
 * key to the handler. The token is only ever hashed, never logged.
 */
final class ApiKeyFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	private static final String KEY_ATTRIBUTE = ApiKey.class.getName();

	private final ApiKeys keys;

	ApiKeyFilter(ApiKeys keys) {
		this.keys = keys;
	}

	@Override
	public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
		return this.keys.find(bearer(request)).switchIfEmpty(Mono.error(() -> unauthorized(request))).flatMap((key) -> {
			request.attributes().put(KEY_ATTRIBUTE, key);
			return next.handle(request);
		});
	}

	/** The key that authenticated this request. */
	static ApiKey key(ServerRequest request) {
		return (ApiKey) request.attributes().get(KEY_ATTRIBUTE);
	}

	private static String bearer(ServerRequest request) {
		String header = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		return header.substring(7).strip();
	}

	private static PortalException unauthorized(ServerRequest request) {
		// RFC 6750: tell the client which scheme to use; the problem document follows
		request.exchange()
			.getResponse()
			.getHeaders()
			.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"kotaku-internal\"");
		String detail = request.headers().firstHeader(HttpHeaders.AUTHORIZATION) == null
				? "This route needs an API key: send Authorization: Bearer <key>."
				: "The API key is not valid (unknown or revoked).";
		return new PortalException(ProblemType.UNAUTHORIZED, detail, Map.of(), null);
	}

}
