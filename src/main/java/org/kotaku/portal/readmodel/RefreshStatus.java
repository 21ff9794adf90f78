package org.kotaku.portal.readmodel;

import java.time.Instant;

/**
 * What the last refreshes did: when one last succeeded and how long it took, and the last
 * failure (null when the latest refresh succeeded). A failed refresh keeps the previous
 * snapshot.
 */
public record RefreshStatus(Instant lastSuccess, long lastDurationMillis, Instant lastFailure, String lastError,
		long refreshes, long failures) {

	static final RefreshStatus NONE = new RefreshStatus(null, 0, null, null, 0, 0);

	RefreshStatus succeeded(Instant at, long millis) {
		return new RefreshStatus(at, millis, null, null, this.refreshes + 1, this.failures);
	}

	RefreshStatus failed(Instant at, Throwable error) {
		return new RefreshStatus(this.lastSuccess, this.lastDurationMillis, at, error.getClass().getSimpleName(),
				this.refreshes, this.failures + 1);
	}

	public boolean failing() {
		return this.lastFailure != null;
	}

}
