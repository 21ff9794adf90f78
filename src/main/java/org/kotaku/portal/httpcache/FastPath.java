package org.kotaku.portal.httpcache;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Mono;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.api.QueryString;
import org.kotaku.portal.readmodel.ReadModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationConvention;

/**
 * Answers cache hits before routing (an {@link HttpHandler} decorator in front of
 * WebFlux's filter and handler chain), which is what lets cached aggregate answers
 * approach a static file server's throughput (shared/stack/CALIBRATION.md). It answers
 * only GET/HEAD requests that a {@link FastAnswers} store holds a prepared answer for at
 * the current data version (those a routed handler already answered through
 * {@link CachedAnswers}, tiles of the current version), with the same
 * {@link CachedAnswer} (conditional requests, gzip, ETag, Cache-Control, CORS, freshness
 * and security headers), writing the prepared direct bytes without copying them.
 * Everything else, and every request a {@link FastPathGuard} holds back (e.g. a rate
 * limiter), takes the normal path. A replayed answer is counted as the routed one is
 * ({@code http.server.requests}, with the route pattern the answer was rendered for as
 * its {@code uri}; {@link FastPathMetrics}), so that the request metrics count every
 * answer.
 */
@Configuration(proxyBeanMethods = false)
class FastPath {

	@Bean
	WebHttpHandlerBuilderCustomizer responseCacheFastPath(ReadModel readModel, List<FastAnswers> answers,
			HttpCacheProperties properties, List<FastPathGuard> guards, ObjectProvider<MeterRegistry> meters,
			ObjectProvider<ObservationRegistry> registry,
			ObjectProvider<ServerRequestObservationConvention> convention) {
		return (builder) -> {
			if (properties.fastPath()) {
				FastPathMetrics metrics = new FastPathMetrics(meters.getIfAvailable(),
						registry.getIfAvailable(() -> ObservationRegistry.NOOP),
						convention.getIfAvailable(DefaultServerRequestObservationConvention::new));
				builder.httpHandlerDecorator((next) -> new Decorator(next, readModel, answers, guards, metrics));
			}
		};
	}

	/** The decorator itself; package-visible for tests. */
	static final class Decorator implements HttpHandler {

		private final HttpHandler next;

		private final ReadModel readModel;

		private final List<FastAnswers> answers;

		private final List<FastPathGuard> guards;

		private final FastPathMetrics metrics;

		Decorator(HttpHandler next, ReadModel readModel, List<FastAnswers> answers, List<FastPathGuard> guards,
				FastPathMetrics metrics) {
			this.next = next;
			this.readModel = readModel;
			this.answers = List.copyOf(answers);
			this.guards = List.copyOf(guards);
			this.metrics = metrics;
		}

		@Override
		public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
			long start = System.nanoTime();
			CachedResponse hit = lookup(request);
			if (hit == null) {
				return this.next.handle(request, response);
			}
			CachedAnswer answer;
			try {
				answer = CachedAnswer.of(request, hit);
			}
			catch (PortalException malformedHeader) {
				// the routed path answers it as a problem, with every header a problem
				// gets
				return this.next.handle(request, response);
			}
			String route = hit.route();
			return write(answer, response)
				.doOnSuccess((done) -> this.metrics.completed(request, response, route, start))
				.doOnError((error) -> this.metrics.failed(request, response, route, error));
		}

		private static Mono<Void> write(CachedAnswer answer, ServerHttpResponse response) {
			response.setStatusCode(answer.status());
			response.getHeaders().putAll(answer.headers());
			if (answer.buffer() == null) {
				return response.setComplete();
			}
			// wraps the direct bytes without copying; the server releases the wrapper,
			// never the bytes
			DataBuffer buffer = response.bufferFactory().wrap(answer.buffer());
			return response.writeWith(Mono.just(buffer));
		}

		private CachedResponse lookup(ServerHttpRequest request) {
			HttpMethod method = request.getMethod();
			if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
				return null;
			}
			long version = this.readModel.snapshot().map((s) -> s.version().version()).orElse(-1L);
			if (version < 0) {
				return null;
			}
			CachedResponse hit = find(request, version);
			if (hit != null && !QueryString.wellFormed(request.getURI().getRawQuery())) {
				// a bad escape can decode to the key of a good request; the routed path
				// refuses it
				return null;
			}
			// guards last: a guard may count the request (a rate limiter takes a token),
			// which only a hit should do
			return hit != null && allowed(request) ? hit : null;
		}

		private CachedResponse find(ServerHttpRequest request, long version) {
			for (FastAnswers store : this.answers) {
				CachedResponse hit = store.find(request, version);
				if (hit != null) {
					return hit;
				}
			}
			return null;
		}

		private boolean allowed(ServerHttpRequest request) {
			for (FastPathGuard guard : this.guards) {
				if (!guard.allows(request)) {
					return false;
				}
			}
			return true;
		}

	}

}
