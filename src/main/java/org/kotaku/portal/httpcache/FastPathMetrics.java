package org.kotaku.portal.httpcache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerHttpObservationDocumentation;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.http.server.reactive.observation.ServerRequestObservationConvention;

/**
 * How the fast path counts its answers in {@code http.server.requests}, under the route
 * the answer was rendered for and with the tags the routed answers get (the same naming
 * convention). A replayed answer is a few microseconds of work, and a full observation
 * per request (its context, key values, a long-task timer and two meter lookups) was
 * about 8 % of the CPU samples at 30,000 answers per second: an answer that completes is
 * recorded on the timer of its method, status and route, made once from the convention's
 * tags. One that fails while it is written (the client went away) is observed in full, as
 * the routed path does.
 */
final class FastPathMetrics {

	/**
	 * The tag Micrometer's meter observation handler adds to the timer of an observation
	 * without an error.
	 */
	private static final String ERROR_TAG = "error";

	private final MeterRegistry meters;

	private final ObservationRegistry observations;

	private final ServerRequestObservationConvention convention;

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	FastPathMetrics(MeterRegistry meters, ObservationRegistry observations,
			ServerRequestObservationConvention convention) {
		this.meters = meters;
		this.observations = observations;
		this.convention = convention;
	}

	/**
	 * Records an answer written in full, {@code startNanos} being when it was looked up.
	 */
	void completed(ServerHttpRequest request, ServerHttpResponse response, String route, long startNanos) {
		if (this.meters == null) {
			return;
		}
		String key = request.getMethod().name() + ' ' + response.getStatusCode().value() + ' ' + route;
		this.timers.computeIfAbsent(key, (k) -> timer(request, response, route))
			.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
	}

	/** Observes an answer whose writing failed, with its error. */
	void failed(ServerHttpRequest request, ServerHttpResponse response, String route, Throwable error) {
		Observation observation = ServerHttpObservationDocumentation.HTTP_REACTIVE_SERVER_REQUESTS
			.observation(null, this.convention, () -> context(request, response, route), this.observations)
			.start();
		observation.error(error);
		observation.stop();
	}

	private Timer timer(ServerHttpRequest request, ServerHttpResponse response, String route) {
		Tags tags = Tags.of(ERROR_TAG, KeyValue.NONE_VALUE);
		for (KeyValue keyValue : this.convention.getLowCardinalityKeyValues(context(request, response, route))) {
			tags = tags.and(keyValue.getKey(), keyValue.getValue());
		}
		return Timer.builder(this.convention.getName()).tags(tags).register(this.meters);
	}

	private static ServerRequestObservationContext context(ServerHttpRequest request, ServerHttpResponse response,
			String route) {
		ServerRequestObservationContext context = new ServerRequestObservationContext(request, response, Map.of());
		context.setPathPattern(route);
		return context;
	}

}
