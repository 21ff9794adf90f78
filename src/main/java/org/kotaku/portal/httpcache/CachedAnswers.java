package org.kotaku.portal.httpcache;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.dataversion.DataVersion;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.HandlerMapping;

/**
 * What a handler of a cacheable public GET calls: renders its answer once per data
 * version and request, keeps it in the {@link ResponseCache} (where the {@link FastPath}
 * finds it for the next identical request), and answers with {@link CachedAnswer}'s
 * conditional request handling and headers. Validate parameters before calling it: errors
 * are never cached. Its routes must be declared {@link SelfValidatingRoutes}.
 */
@Component
public class CachedAnswers {

	private final ResponseCache cache;

	private final JsonMapper json;

	private final DeclaredRoutes declared;

	CachedAnswers(ResponseCache cache, JsonMapper json, DeclaredRoutes declared) {
		this.cache = cache;
		this.json = json;
		this.declared = declared;
	}

	/** Answers with {@code body()} serialised as JSON (built only on a cache miss). */
	public Mono<ServerResponse> json(ServerRequest request, DataVersion version,
			java.util.function.Supplier<Object> body) {
		return answer(request, version,
				() -> new Rendered(MediaType.APPLICATION_JSON_VALUE, this.json.writeValueAsBytes(body.get())));
	}

	/**
	 * Answers with {@code body()} as JSON, for an answer that depends on {@code variant}
	 * besides the data version (kept and validated per version and variant, see
	 * {@link ResponseCache#getOrRender(DataVersion, String, org.springframework.http.server.reactive.ServerHttpRequest, Rendered.Renderer)}).
	 */
	public Mono<ServerResponse> json(ServerRequest request, DataVersion version, String variant,
			java.util.function.Supplier<Object> body) {
		return answer(request, version, variant,
				() -> new Rendered(MediaType.APPLICATION_JSON_VALUE, this.json.writeValueAsBytes(body.get())));
	}

	/**
	 * Answers with what {@code render} produces, for an answer that depends on
	 * {@code variant} too.
	 */
	public Mono<ServerResponse> answer(ServerRequest request, DataVersion version, String variant,
			Rendered.Renderer render) {
		return replay(request,
				this.cache.getOrRender(version, variant, request.exchange().getRequest(), route(request), render));
	}

	/** Answers with whatever {@code render} produces (CSV, GeoJSON...). */
	public Mono<ServerResponse> answer(ServerRequest request, DataVersion version, Rendered.Renderer render) {
		return replay(request,
				this.cache.getOrRender(version, request.exchange().getRequest(), route(request), render));
	}

	/**
	 * The pattern of the route that matched (the {@code uri} tag of the request metrics),
	 * which must be declared {@link SelfValidatingRoutes}.
	 */
	private String route(ServerRequest request) {
		Object pattern = request.exchange().getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		String route = String.valueOf(pattern);
		this.declared.requireDeclared(route);
		return route;
	}

	/**
	 * Prepares an answer that a feature keeps itself (and offers to the {@link FastPath}
	 * as a {@link FastAnswers} store), with its own ETag and Cache-Control;
	 * {@link #replay} answers with it. {@code route} is the pattern of the route
	 * answering {@code path}, the {@code uri} of the fast path's request metrics.
	 */
	public CachedResponse prepare(DataVersion version, String path, String route, String etag, String cacheControl,
			String contentType, byte[] body) {
		this.declared.requireDeclared(route);
		return this.cache.prepare(version, path, route, etag, cacheControl, contentType, body);
	}

	/** Answers a request with a prepared answer, exactly as the fast path would. */
	public Mono<ServerResponse> replay(ServerRequest request, CachedResponse cached) {
		CachedAnswer answer = CachedAnswer.of(request.exchange().getRequest(), cached);
		ServerResponse.BodyBuilder builder = ServerResponse.status(answer.status())
			.headers((headers) -> headers.putAll(answer.headers()));
		return answer.body() == null ? builder.build() : builder.body(BodyInserters.fromValue(answer.body()));
	}

}
