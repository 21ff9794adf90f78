package org.kotaku.portal.readmodel;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.api.ProblemType;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Holds the current {@link Snapshot} and replaces it. A refresh loads a complete new
 * snapshot off the event loop (or patches the one served: {@link SnapshotRepository}) and
 * swaps one reference, so readers never wait and never see a half-built one. Refresh
 * requests coalesce: a refresh starts {@code portal.read-model.coalesce-window} after the
 * request that caused it and serves every request made until then; while it runs, any
 * number of requests cause exactly one more afterwards. With public reads on a replica, a
 * refresh waits until the replica has replayed the primary's newest data version and
 * never swaps in an older snapshot ({@link ReplicaCatchUp}): a node never serves an older
 * data version than it already served. A failed refresh keeps the old snapshot and shows
 * in {@link #status()} and the metrics ({@code portal.read-model.*}).
 */
@Component
public class ReadModel implements SmartInitializingSingleton, DisposableBean {

	private static final Log log = LogFactory.getLog(ReadModel.class);

	private final SnapshotRepository repository;

	private final ReplicaCatchUp catchUp;

	private final ApplicationEventPublisher events;

	private final Scheduler scheduler = Schedulers.newSingle("read-model-refresh", true);

	private final AtomicReference<Snapshot> current = new AtomicReference<>();

	private final AtomicReference<RefreshStatus> status = new AtomicReference<>(RefreshStatus.NONE);

	private final AtomicBoolean running = new AtomicBoolean();

	private final AtomicBoolean pending = new AtomicBoolean();

	private final AtomicBoolean rebuildPending = new AtomicBoolean();

	private final Sinks.Many<Snapshot> swaps = Sinks.many().replay().latest();

	private final Timer refreshTimer;

	private final MeterRegistry meters;

	private final Clock clock = Clock.systemUTC();

	private final Duration coalesceWindow;

	ReadModel(SnapshotRepository repository, ReplicaCatchUp catchUp, ApplicationEventPublisher events,
			MeterRegistry meters, ReadModelProperties properties) {
		this.repository = repository;
		this.catchUp = catchUp;
		this.coalesceWindow = properties.coalesceWindow();
		this.events = events;
		this.meters = meters;
		this.refreshTimer = Timer.builder("portal.read-model.refresh")
			.description("Time to build a read-model snapshot")
			.register(meters);
		Gauge.builder("portal.read-model.version", this, ReadModel::servedVersion)
			.description("Data version of the snapshot being served (-1: none yet)")
			.register(meters);
		Gauge.builder("portal.read-model.failing", this, (m) -> m.status().failing() ? 1 : 0)
			.description("1 while the latest refresh failed and an older snapshot is served")
			.register(meters);
	}

	/** The snapshot being served, empty until the first refresh succeeded. */
	public Optional<Snapshot> snapshot() {
		return Optional.ofNullable(this.current.get());
	}

	/**
	 * The data version of the snapshot being served, -1 until the first refresh
	 * succeeded.
	 */
	public long servedVersion() {
		Snapshot snapshot = this.current.get();
		return snapshot == null ? -1 : snapshot.version().version();
	}

	/** The snapshot being served, or a 503 problem when none was ever loaded. */
	public Snapshot require() {
		Snapshot snapshot = this.current.get();
		if (snapshot == null) {
			throw new PortalException(ProblemType.SERVICE_UNAVAILABLE,
					"The figures are still being loaded; please retry in a few seconds.");
		}
		return snapshot;
	}

	public RefreshStatus status() {
		return this.status.get();
	}

	/**
	 * Asks for a refresh; returns at once. Requests made while one runs coalesce into one
	 * more refresh.
	 */
	public void requestRefresh() {
		this.pending.set(true);
		drain();
	}

	/**
	 * Asks for a refresh that builds the whole snapshot anew, even when the data version
	 * did not change (an operator's {@code NOTIFY read_model, 'rebuild'}:
	 * {@link org.kotaku.portal.dataversion.DataVersionChannel}); coalesces like
	 * {@link #requestRefresh()}.
	 */
	public void requestRebuild() {
		this.rebuildPending.set(true);
		requestRefresh();
	}

	/**
	 * Completes with the first snapshot whose data version is at least {@code version}.
	 */
	public Mono<Snapshot> awaitVersion(long version) {
		return this.swaps.asFlux().filter((s) -> s.version().version() >= version).next();
	}

	private void drain() {
		// once the node shuts down its scheduler refuses work, and a refused refresh
		// would drain again at once,
		// recursing until the stack overflows
		while (!this.scheduler.isDisposed() && this.pending.get() && this.running.compareAndSet(false, true)) {
			if (!this.pending.get()) {
				this.running.set(false);
				continue;
			}
			refreshOnce().doFinally((signal) -> {
				this.running.set(false);
				drain();
			}).subscribe();
			return;
		}
	}

	private Mono<Snapshot> refreshOnce() {
		// a patch takes milliseconds: waiting a moment first lets the rest of a burst of
		// notifications coalesce
		// into this refresh (requests made until it starts) and at most one more (those
		// made while it runs); the
		// first snapshot, which nothing is served without, does not wait
		Duration wait = this.current.get() == null ? Duration.ZERO : this.coalesceWindow;
		return Mono.delay(wait, this.scheduler).then(Mono.defer(this::loadNow));
	}

	private Mono<Snapshot> loadNow() {
		this.pending.set(false);
		long start = System.nanoTime();
		boolean rebuild = this.rebuildPending.getAndSet(false);
		// with public reads on a replica, wait for it to replay what the primary has, and
		// never go back
		return this.catchUp.floor(this.current.get())
			.flatMap((floor) -> Mono
				.defer(() -> this.repository.load(this.scheduler, this.current.get(), rebuild, floor))
				.retryWhen(this.catchUp.untilCaughtUp(this.scheduler)))
			.subscribeOn(this.scheduler)
			.doOnNext((snapshot) -> swap(snapshot, System.nanoTime() - start))
			.doOnError((error) -> failed(error, System.nanoTime() - start))
			.onErrorResume((error) -> Mono.empty());
	}

	private void swap(Snapshot snapshot, long nanos) {
		Snapshot previous = this.current.get();
		boolean unchanged = previous != null && previous.version().version() == snapshot.version().version();
		this.refreshTimer.record(Duration.ofNanos(nanos));
		this.meters
			.counter("portal.read-model.refreshes", "outcome", "success", "kind",
					snapshot == previous ? "unchanged" : kind(snapshot.origin()))
			.increment();
		this.status.updateAndGet((s) -> s.succeeded(this.clock.instant(), nanos / 1_000_000));
		if (unchanged) {
			return; // same data version, same data: keep the snapshot and everything
					// cached from it
		}
		this.current.set(snapshot);
		log.info("read model at data version " + snapshot.version().version() + " ("
				+ snapshot.origin().name().toLowerCase(java.util.Locale.ROOT) + " in " + nanos / 1_000_000 + " ms)");
		this.events.publishEvent(new SnapshotSwapped(previous, snapshot));
		this.swaps.tryEmitNext(snapshot);
	}

	/** The {@code kind} tag of a refresh's metric. */
	private static String kind(Snapshot.Origin origin) {
		return switch (origin) {
			case BUILT -> "whole";
			case PATCHED -> "patch";
			case RESTORED -> "restored";
		};
	}

	private void failed(Throwable error, long nanos) {
		this.meters.counter("portal.read-model.refreshes", "outcome", "failure", "kind", "none").increment();
		this.status.updateAndGet((s) -> s.failed(this.clock.instant(), error));
		log.warn("read model refresh failed after " + nanos / 1_000_000 + " ms; still serving version "
				+ snapshot().map((s) -> s.version().version()).orElse(0L) + ": " + error);
		log.debug("read model refresh failure", error);
	}

	/**
	 * Starts building the first snapshot as soon as every bean exists (the schema is
	 * migrated by then), while the web server and the rest of the application still
	 * start: the first figures are served seconds earlier than when the build waited for
	 * the LISTEN connection (whose own refresh after connecting coalesces with this one).
	 */
	@Override
	public void afterSingletonsInstantiated() {
		requestRefresh();
	}

	@Override
	public void destroy() {
		this.scheduler.dispose();
	}

}
