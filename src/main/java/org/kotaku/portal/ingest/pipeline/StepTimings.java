package org.kotaku.portal.ingest.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * How long a batch took: milliseconds per named step (for the log line of a committed
 * batch), and the two figures the batch records: validation (from the start to the end of
 * the upload's COPY) and merge (from the end of the checks to the batch's counts).
 */
public final class StepTimings {

	private final long started = System.nanoTime();

	private final Map<String, Long> stepMillis = new LinkedHashMap<>();

	private long validateNanos;

	private long mergeStarted;

	/** Times {@code work} from subscription to completion, as {@code step}. */
	public <T> Mono<T> time(String step, Mono<T> work) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return work.doOnSuccess((result) -> this.stepMillis.put(step, millisSince(start)));
		});
	}

	/** The upload is validated and staged. */
	public void validated() {
		this.validateNanos = System.nanoTime() - this.started;
	}

	/** The merge begins. */
	public void mergeStarted() {
		this.mergeStarted = System.nanoTime();
	}

	long validateMillis() {
		return Duration.ofNanos(this.validateNanos).toMillis();
	}

	/** Milliseconds since the merge began. */
	long mergeMillis() {
		return millisSince(this.mergeStarted);
	}

	private static long millisSince(long start) {
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

	/** Every step timed so far with its milliseconds, in order. */
	@Override
	public String toString() {
		return this.stepMillis.toString();
	}

}
