package org.kotaku.portal.web;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.api.ProblemExceptionHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-client token bucket in front of the routes, with the portal's problem
 * rendering.
 */
class RateLimitFilterTests {

	WebTestClient client(RateLimitProperties properties) {
		return WebTestClient
			.bindToRouterFunction(RouterFunctions.route()
				.GET("/api/v1/ping", (request) -> ServerResponse.ok().bodyValue("pong"))
				.GET("/actuator/health", (request) -> ServerResponse.ok().bodyValue("up"))
				.build())
			.webFilter(new RateLimitFilter(properties))
			.handlerStrategies(HandlerStrategies.builder()
				.exceptionHandler(new ProblemExceptionHandler(JsonMapper.builder().build()))
				.build())
			.build();
	}

	@Test
	void pastTheBurstClientsGetTooManyRequestsWithRetryAfter() {
		WebTestClient client = client(new RateLimitProperties(true, 3, 0.5, 100));
		for (int i = 0; i < 3; i++) {
			client.get().uri("/api/v1/ping").exchange().expectStatus().isOk();
		}
		client.get()
			.uri("/api/v1/ping")
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "2")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/rate-limited");
		client.get().uri("/actuator/health").exchange().expectStatus().isOk();
	}

	/** Answers the fast path replays from the cache take tokens from the same bucket. */
	@Test
	void fastPathAnswersCountAgainstTheLimit() {
		RateLimitProperties limited = new RateLimitProperties(true, 2, 0.01, 100);
		RateLimitFilter filter = new RateLimitFilter(limited);
		MockServerHttpRequest request = MockServerHttpRequest.get("/api/v1/summary")
			.remoteAddress(new InetSocketAddress("10.1.2.3", 4000))
			.build();
		assertThat(filter.allows(request)).isTrue();
		assertThat(filter.allows(request)).isTrue();
		assertThat(filter.allows(request)).as("past the burst the fast path steps aside").isFalse();
		assertThat(filter.allows(MockServerHttpRequest.get("/actuator/health").build())).isTrue();
		RateLimitProperties off = new RateLimitProperties(false, 1, 0.01, 100);
		assertThat(new RateLimitFilter(off).allows(request)).isTrue();
	}

	@Test
	void disabledLimitLetsEverythingThrough() {
		WebTestClient client = client(new RateLimitProperties(false, 1, 0.1, 100));
		for (int i = 0; i < 5; i++) {
			client.get().uri("/api/v1/ping").exchange().expectStatus().isOk();
		}
	}

	@Test
	void bucketRefillsOverTimeUpToItsCapacity() {
		long second = 1_000_000_000L;
		TokenBucket bucket = new TokenBucket(2, 1, 0);
		assertThat(bucket.tryTake(0)).isZero();
		assertThat(bucket.tryTake(0)).isZero();
		assertThat(bucket.tryTake(0)).isEqualTo(1);
		assertThat(bucket.tryTake(second)).isZero();
		assertThat(bucket.tryTake(100 * second)).isZero();
		assertThat(bucket.tryTake(100 * second)).isZero();
		assertThat(bucket.tryTake(100 * second)).isEqualTo(1);
	}

	@Test
	void mockServerWithoutAddressCountsAsOneClient() {
		WebTestClient client = client(new RateLimitProperties(true, 1, 1, 100));
		client.get().uri("/api/v1/ping").exchange().expectStatus().isOk();
		client.get().uri("/api/v1/ping").exchange().expectStatus().isEqualTo(429);
	}

}
