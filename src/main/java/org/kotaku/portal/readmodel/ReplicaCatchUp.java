package org.kotaku.portal.readmodel;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

import org.kotaku.portal.api.PrimaryDatabase;
import org.kotaku.portal.api.ReplicaReads;
import org.springframework.stereotype.Component;

/**
 * Keeps a node's data versions monotonic when its public reads come from a streaming
 * replica: a refresh reads the primary's newest data version first and builds its
 * snapshot from the replica only once the replica has replayed at least that version (and
 * never one older than the snapshot served), polling with backoff for at most
 * {@code portal.replica.max-lag}; past it the refresh fails ({@link ReplicaBehind}:
 * health DEGRADED, the snapshot served stays) and the next version check tries again. On
 * one database there is no floor and nothing waits.
 */
@Component
class ReplicaCatchUp {

	/** The floor on one database: any version the database has is the newest. */
	static final long NO_FLOOR = -1;

	private static final Log log = LogFactory.getLog(ReplicaCatchUp.class);

	private final boolean replicated;

	private final VersionProbe probe;

	private final Duration maxLag;

	ReplicaCatchUp(PrimaryDatabase primary, VersionProbe probe, ReplicaReads.Settings settings) {
		this.replicated = primary.replicated();
		this.probe = probe;
		this.maxLag = settings.maxLag();
	}

	/**
	 * The lowest data version the next snapshot may have: with a replica, the primary's
	 * newest version or the one served, whichever is higher (the served one when the
	 * primary does not answer: the replica still serves).
	 */
	Mono<Long> floor(Snapshot served) {
		if (!this.replicated) {
			return Mono.just(NO_FLOOR);
		}
		long servedVersion = served == null ? NO_FLOOR : served.version().version();
		return this.probe.newest().defaultIfEmpty(servedVersion).map((newest) -> Math.max(newest, servedVersion));
	}

	/**
	 * Retries a load that found the replica behind its floor, with backoff, for at most
	 * max-lag from now.
	 */
	Retry untilCaughtUp(Scheduler scheduler) {
		long deadline = System.nanoTime() + this.maxLag.toNanos();
		return Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(20))
			.maxBackoff(Duration.ofMillis(500))
			.scheduler(scheduler)
			.filter((error) -> error instanceof ReplicaBehind && System.nanoTime() - deadline < 0)
			.doBeforeRetry((signal) -> {
				if (signal.totalRetriesInARow() == 0) {
					log.info(signal.failure().getMessage() + "; waiting for it to catch up");
				}
			});
	}

	/** The replica has not replayed the data version a snapshot must have yet. */
	static final class ReplicaBehind extends RuntimeException {

		ReplicaBehind(long replica, long floor) {
			super("the replica is at data version " + replica + ", the snapshot needs " + floor, null, false, false);
		}

	}

}
