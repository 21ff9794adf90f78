package org.kotaku.portal.web;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.api.ProblemType;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * What an operator reads about a node stays with operators: the health details
 * ({@code /actuator/health/internal}, every component with its details) and the metrics
 * ({@code /actuator/prometheus}) answer only callers on loopback or inside
 * {@code portal.http.internal-networks}; anyone else gets a 403 {@code forbidden}
 * problem. The public {@code /actuator/health} and its {@code liveness}/{@code readiness}
 * groups show the status only. The caller is the client behind the trusted proxies
 * ({@link ForwardedRequests}), so a proxy in front does not make everyone internal.
 */
@Component
@Order(InternalHealthFilter.ORDER)
class InternalHealthFilter implements WebFilter {

	static final int ORDER = RateLimitFilter.ORDER - 10;

	static final String DETAILS = "/actuator/health/internal";

	static final String METRICS = "/actuator/prometheus";

	private final AddressBlocks internal;

	InternalHealthFilter(HttpProperties properties) {
		this.internal = AddressBlocks.LOOPBACK.and(AddressBlocks.parse(properties.internalNetworks()));
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		boolean operatorsOnly = path.startsWith(DETAILS) || path.startsWith(METRICS);
		if (operatorsOnly && !internal(exchange.getRequest().getRemoteAddress())) {
			return Mono.error(new PortalException(ProblemType.FORBIDDEN, path + " answers only internal callers "
					+ "(loopback and portal.http.internal-networks); /actuator/health shows the status to everyone."));
		}
		return chain.filter(exchange);
	}

	private boolean internal(InetSocketAddress caller) {
		return caller != null && this.internal.contains(caller.getAddress());
	}

}
