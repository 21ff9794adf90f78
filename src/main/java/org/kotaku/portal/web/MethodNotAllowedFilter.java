package org.kotaku.portal.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A write ({@code POST}, {@code PUT}, {@code DELETE}, {@code PATCH}...) to a path that
 * only a GET route serves is a 405 {@code method-not-allowed} problem with
 * {@code Allow: GET, HEAD}, not a 404: functional routes match on the method, so without
 * this filter such a request would find no route at all. Runs after CORS, the security
 * headers and the rate limit, so those apply to the 405 too.
 */
@Component
@Order(MethodNotAllowedFilter.ORDER)
class MethodNotAllowedFilter implements WebFilter {

	static final int ORDER = -150;

	static final List<HttpMethod> ALLOWED_ON_READS = List.of(HttpMethod.GET, HttpMethod.HEAD);

	private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

	private final ObjectProvider<RouterFunctionMapping> mappings;

	private final List<HttpMessageReader<?>> readers;

	MethodNotAllowedFilter(ObjectProvider<RouterFunctionMapping> mappings) {
		this.mappings = mappings;
		// matching a route never reads the body; the default readers only complete the
		// request object
		this.readers = HandlerStrategies.withDefaults().messageReaders();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpMethod method = exchange.getRequest().getMethod();
		if (READS.contains(method)) {
			return chain.filter(exchange);
		}
		return matches(exchange, method)
			.flatMap((routed) -> routed ? Mono.just(false) : matches(exchange, HttpMethod.GET))
			.flatMap((onlyGet) -> onlyGet ? Mono.error(new MethodNotAllowedException(method, ALLOWED_ON_READS))
					: chain.filter(exchange));
	}

	/**
	 * Whether any functional route answers the request with this method. Routes record
	 * what they matched in the exchange's attributes, so they are tried on a copy with
	 * attributes of its own, never on the real exchange.
	 */
	private Mono<Boolean> matches(ServerWebExchange exchange, HttpMethod method) {
		ServerWebExchange probe = exchange.mutate().request((request) -> request.method(method)).build();
		Map<String, Object> attributes = new ConcurrentHashMap<>();
		ServerRequest request = ServerRequest.create(new ServerWebExchangeDecorator(probe) {
			@Override
			public Map<String, Object> getAttributes() {
				return attributes;
			}
		}, this.readers);
		return Flux.fromStream(this.mappings.orderedStream())
			.mapNotNull(RouterFunctionMapping::getRouterFunction)
			.concatMap((function) -> function.route(request))
			.hasElements();
	}

}
