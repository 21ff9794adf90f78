package org.kotaku.portal.licence;

import reactor.core.publisher.Mono;

import org.kotaku.portal.httpcache.AnswerHeaders;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The {@code Link: <url>; rel="license"} header on every public answer (API, OGC, tiles,
 * site files, documents; never {@code /internal/**} or {@code /actuator/**}), added after
 * the links a handler sets (listing pages send {@code next} and {@code describedby}). It
 * runs before every other filter, so answers they end early (429, 405, 304) carry it too,
 * and as an {@link AnswerHeaders} it goes into every cached answer the fast path replays.
 */
@Component
@Order(LicenceHeaders.ORDER)
class LicenceHeaders implements WebFilter, AnswerHeaders {

	/** Before the rate limiter (-200), the outermost filter that answers on its own. */
	static final int ORDER = -210;

	private final Licence licence;

	LicenceHeaders(Licence licence) {
		this.licence = licence;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (Licence.isPublic(path)) {
			exchange.getResponse()
				.beforeCommit(
						() -> Mono.fromRunnable(() -> this.licence.addLinkTo(exchange.getResponse().getHeaders())));
		}
		return chain.filter(exchange);
	}

	@Override
	public void addTo(String path, HttpHeaders headers) {
		if (Licence.isPublic(path)) {
			this.licence.addLinkTo(headers);
		}
	}

}
