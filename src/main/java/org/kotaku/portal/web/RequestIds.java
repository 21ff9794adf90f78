package org.kotaku.portal.web;

import java.util.concurrent.ThreadLocalRandom;

import reactor.core.publisher.Mono;

import org.kotaku.portal.api.Problems;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * Every answer names its request in {@code X-Request-Id}: the client's own id when it
 * sent a well-formed one (1 to {@value #MAX_LENGTH} letters, digits, {@code - _ . :}),
 * otherwise a new random one, so that a user reporting a problem and the operator reading
 * the logs talk about the same request. It is set by the outermost {@link HttpHandler}
 * decorator, in front of the response cache's fast path, which answers before the web
 * filters run: replayed answers, routed answers and problems all get it. A problem
 * carries it as {@code requestId}, and the log lines written while the problem is made
 * have it in the MDC ({@code api.ProblemExceptionHandler} reads it back from the response
 * headers).
 */
@Configuration(proxyBeanMethods = false)
class RequestIds {

	static final String HEADER = Problems.REQUEST_ID_HEADER;

	static final int MAX_LENGTH = 64;

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	WebHttpHandlerBuilderCustomizer requestIdDecorator() {
		return (builder) -> builder.httpHandlerDecorator(Decorator::new);
	}

	/**
	 * The id of a request that sent {@code header} (null when it sent none): that one
	 * when well formed, or a new one.
	 */
	static String of(String header) {
		return wellFormed(header) ? header : generate();
	}

	static boolean wellFormed(String id) {
		if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_' || c == '.' || c == ':';
			if (!safe) {
				return false;
			}
		}
		return true;
	}

	/**
	 * 128 random bits as 32 hex digits (the form of a W3C trace id); unique enough to
	 * find one request in logs.
	 */
	static String generate() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		char[] id = new char[32];
		long high = random.nextLong();
		long low = random.nextLong();
		for (int i = 0; i < 16; i++) {
			id[i] = HEX[(int) (high >>> (60 - 4 * i)) & 0xf];
			id[16 + i] = HEX[(int) (low >>> (60 - 4 * i)) & 0xf];
		}
		return new String(id);
	}

	private record Decorator(HttpHandler next) implements HttpHandler {

		@Override
		public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
			response.getHeaders().set(HEADER, of(request.getHeaders().getFirst(HEADER)));
			return this.next.handle(request, response);
		}

	}

}
