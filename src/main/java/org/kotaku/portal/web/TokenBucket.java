package org.kotaku.portal.web;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled continuously at
 * {@code refillPerSecond}; each request takes one. Thread-safe; time is passed in
 * (nanoseconds) so it can be tested without waiting.
 */
final class TokenBucket {

	private final double capacity;

	private final double refillPerNano;

	private double tokens;

	private long lastRefill;

	TokenBucket(long capacity, double refillPerSecond, long now) {
		this.capacity = capacity;
		this.refillPerNano = refillPerSecond / 1e9;
		this.tokens = capacity;
		this.lastRefill = now;
	}

	/**
	 * Takes a token if there is one: returns 0 when the request may go ahead, else the
	 * whole seconds (at least 1) until a token will be there.
	 */
	synchronized long tryTake(long now) {
		refill(now);
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return 0;
		}
		double nanos = (1 - this.tokens) / this.refillPerNano;
		return Math.max(1, (long) Math.ceil(nanos / 1e9));
	}

	private void refill(long now) {
		long elapsed = Math.max(0, now - this.lastRefill);
		this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.refillPerNano);
		this.lastRefill = now;
	}

}
