package org.kotaku.portal.api;

import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Writes every error that reaches the web layer, from any route or filter, as
 * {@code application/problem+json} (RFC 9457). Ordered before Spring Boot's default error
 * handler, which then never answers.
 */
@Component
@Order(-2)
public class ProblemExceptionHandler implements WebExceptionHandler {

	private final JsonMapper json;

	public ProblemExceptionHandler(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		HttpMethod method = exchange.getRequest().getMethod();
		String requestId = response.getHeaders().getFirst(Problems.REQUEST_ID_HEADER);
		Problems.Problem problem;
		// what Problems logs (the cause of a 5xx, a refused value) names the request in
		// the MDC, a JSON log field
		try (MDC.MDCCloseable logged = requestId == null ? null : MDC.putCloseable(Problems.REQUEST_ID, requestId)) {
			problem = Problems.from(ex, HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method));
		}
		byte[] body = this.json.writeValueAsBytes(problem.body(exchange.getRequest().getPath().value(), requestId));
		response.setRawStatusCode(problem.status());
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.setCacheControl("no-store");
		if (ex instanceof ResponseStatusException status) {
			// e.g. Allow of a 405
			headers.addAll(status.getHeaders());
		}
		if (problem.extensions().get(Problems.RETRY_AFTER) instanceof Number seconds) {
			headers.set(HttpHeaders.RETRY_AFTER, seconds.toString());
		}
		if (problem.extensions().get("size") instanceof Number size && problem.status() == 416) {
			// RFC 9110 15.5.17: a 416 names the current length of the representation
			headers.set(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
		}
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

}
