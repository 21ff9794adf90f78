package org.kotaku.portal.listing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.api.ProblemType;
import org.kotaku.portal.api.Problems;
import org.kotaku.portal.web.ClientAddress;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Bounds the streamed exports ({@code limit=all} on a list route), which each hold a
 * database connection for as long as the client reads: at most
 * {@code portal.exports.max-per-client} at once from one address (429 past it) and
 * {@code portal.exports.max-concurrent} in all (503 past it), both with Retry-After and a
 * pointer to the bulk files, which cost the database nothing. A slot is held from the
 * request until its answer is written, failed or abandoned.
 */
@Component
@Order(ExportLimitFilter.ORDER)
class ExportLimitFilter implements WebFilter {

	/** After the rate limit and the query-string check, which refuse cheaper. */
	static final int ORDER = -150;

	static final int RETRY_AFTER_SECONDS = 10;

	private final ExportProperties limits;

	private final AtomicInteger running = new AtomicInteger();

	private final Map<String, AtomicInteger> perClient = new ConcurrentHashMap<>();

	ExportLimitFilter(ExportProperties limits) {
		this.limits = limits;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!isExport(exchange)) {
			return chain.filter(exchange);
		}
		String client = ClientAddress.of(exchange.getRequest());
		AtomicInteger mine = this.perClient.computeIfAbsent(client, (key) -> new AtomicInteger());
		if (mine.incrementAndGet() > this.limits.maxPerClient()) {
			release(client, mine, false);
			return Mono.error(busy(ProblemType.RATE_LIMITED, "Your address already streams "
					+ this.limits.maxPerClient() + " exports (limit=all) at once (portal.exports.max-per-client)"));
		}
		if (this.running.incrementAndGet() > this.limits.maxConcurrent()) {
			release(client, mine, true);
			return Mono.error(busy(ProblemType.SERVICE_UNAVAILABLE, "The portal streams " + this.limits.maxConcurrent()
					+ " exports (limit=all) at once, its limit (portal.exports.max-concurrent)"));
		}
		return chain.filter(exchange).doFinally((signal) -> release(client, mine, true));
	}

	/** Slots in use, for tests: in all. */
	int running() {
		return this.running.get();
	}

	private void release(String client, AtomicInteger mine, boolean overall) {
		if (overall) {
			this.running.decrementAndGet();
		}
		if (mine.decrementAndGet() <= 0) {
			this.perClient.remove(client, mine);
		}
	}

	private static boolean isExport(ServerWebExchange exchange) {
		HttpMethod method = exchange.getRequest().getMethod();
		return (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
				&& exchange.getRequest().getPath().value().startsWith("/api/v1/")
				&& ListQuery.streamsAll(exchange.getRequest().getQueryParams());
	}

	private static PortalException busy(ProblemType type, String why) {
		return new PortalException(type,
				why + "; retry in " + RETRY_AFTER_SECONDS + " s, or take the whole dataset "
						+ "from the bulk files (/downloads), which are written once per data version.",
				Map.of(Problems.RETRY_AFTER, RETRY_AFTER_SECONDS), null);
	}

}
