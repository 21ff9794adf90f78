package org.kotaku.portal.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

/**
 * What a request looks like from the client's side of the proxies in front of the node,
 * decided once, before the response cache's fast path and the web filters: the client's
 * address (the key of every per-client limit, see {@link ClientAddress}) and the public
 * URL (scheme, host, port, prefix) that OGC, TileJSON and Atom links name. Only a peer
 * inside {@code portal.http.trusted-proxies} is believed: its {@code Forwarded} /
 * {@code X-Forwarded-Host|Proto|Port|Prefix} headers set the URL (Spring's
 * {@link ForwardedHeaderTransformer}), and the client is the rightmost
 * {@code X-Forwarded-For} hop that is not itself a trusted proxy, so that a client cannot
 * forge its address by sending the header itself (a proxy appends, it does not replace).
 * From any other peer the forwarded headers are removed. Answers to https requests carry
 * HSTS ({@code portal.http.hsts-max-age}).
 *
 * <p>
 * This replaces {@code server.forward-headers-strategy}, whose two strategies believe
 * every peer.
 */
@Configuration(proxyBeanMethods = false)
class ForwardedRequests {

	static final String HSTS = "Strict-Transport-Security";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	WebHttpHandlerBuilderCustomizer forwardedRequestDecorator(HttpProperties properties) {
		Edge edge = Edge.of(properties);
		return (builder) -> builder.httpHandlerDecorator((next) -> new Decorator(next, edge));
	}

	/** The trusted proxies and what to add to https answers. */
	record Edge(AddressBlocks trustedProxies, String hsts, ForwardedHeaderTransformer believe,
			ForwardedHeaderTransformer drop) {

		static Edge of(HttpProperties properties) {
			long seconds = properties.hstsMaxAge().toSeconds();
			ForwardedHeaderTransformer drop = new ForwardedHeaderTransformer();
			drop.setRemoveOnly(true);
			return new Edge(AddressBlocks.parse(properties.trustedProxies()),
					seconds > 0 ? "max-age=" + seconds + "; includeSubDomains" : null, new ForwardedHeaderTransformer(),
					drop);
		}

		/** The request as the client sent it to the outermost trusted proxy. */
		ServerHttpRequest apply(ServerHttpRequest request) {
			InetSocketAddress peer = request.getRemoteAddress();
			if (peer == null || !this.trustedProxies.contains(peer.getAddress())) {
				return this.drop.apply(request);
			}
			InetAddress client = client(request.getHeaders().getValuesAsList("X-Forwarded-For"), peer.getAddress());
			return this.believe.apply(request).mutate().remoteAddress(new InetSocketAddress(client, 0)).build();
		}

		/**
		 * The rightmost hop that is not a trusted proxy, reading the list from the peer
		 * backwards; a hop that is no IP literal ends the walk there (what lies left of
		 * it cannot be trusted either). All hops trusted: the leftmost. No header: the
		 * peer.
		 */
		InetAddress client(List<String> forwardedFor, InetAddress peer) {
			InetAddress client = peer;
			for (int i = forwardedFor.size() - 1; i >= 0; i--) {
				InetAddress hop = AddressBlocks.literal(forwardedFor.get(i));
				if (hop == null) {
					return client;
				}
				client = hop;
				if (!this.trustedProxies.contains(hop)) {
					return hop;
				}
			}
			return client;
		}

	}

	private record Decorator(HttpHandler next, Edge edge) implements HttpHandler {

		@Override
		public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
			ServerHttpRequest seen = this.edge.apply(request);
			if (this.edge.hsts() != null && "https".equals(seen.getURI().getScheme())) {
				response.getHeaders().set(HSTS, this.edge.hsts());
			}
			return this.next.handle(seen, response);
		}

	}

}
