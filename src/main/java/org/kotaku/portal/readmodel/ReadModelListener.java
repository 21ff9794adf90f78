package org.kotaku.portal.readmodel;

import java.util.concurrent.atomic.AtomicBoolean;

import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.kotaku.portal.api.PrimaryDatabase;
import org.kotaku.portal.dataversion.DataVersionChannel;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the read model in step with the database: LISTENs on the {@code read_model}
 * channel (which ingestion notifies on every commit) over a dedicated connection to the
 * primary outside any pool (a replica cannot LISTEN, and never hears the primary's
 * notifications), and asks for a refresh on every notification (a whole rebuild on the
 * payload {@code rebuild}) and after every (re)connect, since notifications sent while
 * disconnected are lost. A lost connection is reopened after
 * {@code portal.read-model.reconnect-delay}; a periodic version check is the safety net
 * for anything else.
 */
@Component
class ReadModelListener implements SmartLifecycle {

	private static final Log log = LogFactory.getLog(ReadModelListener.class);

	private final PrimaryDatabase primary;

	private final ReadModel readModel;

	private final ReadModelProperties properties;

	private final VersionProbe probe;

	private final AtomicBoolean listening = new AtomicBoolean();

	/**
	 * What runs between start() and stop(); a lifecycle may be stopped and started again
	 * (paused test contexts).
	 */
	private volatile Disposable.Composite running = Disposables.composite();

	ReadModelListener(PrimaryDatabase primary, ReadModel readModel, ReadModelProperties properties,
			VersionProbe probe) {
		this.primary = primary;
		this.readModel = readModel;
		this.properties = properties;
		this.probe = probe;
	}

	/**
	 * Warns on the first failed attempt of an outage and then once a minute or so, not on
	 * every retry.
	 */
	private static void logRetry(Retry.RetrySignal signal) {
		if (signal.totalRetriesInARow() % 60 == 0) {
			log.warn("read-model LISTEN connection lost (attempt " + (signal.totalRetriesInARow() + 1)
					+ "), reconnecting: " + signal.failure());
		}
	}

	/** Whether the LISTEN connection is open right now. */
	boolean listening() {
		return this.listening.get();
	}

	@Override
	public void start() {
		this.running = Disposables.composite();
		this.running.add(Flux.defer(this::listenOnce)
			.retryWhen(Retry.fixedDelay(Long.MAX_VALUE, this.properties.reconnectDelay())
				.transientErrors(true)
				.doBeforeRetry(ReadModelListener::logRetry))
			.repeatWhen((done) -> done.delayElements(this.properties.reconnectDelay()))
			.subscribe(this::notified));
		this.running.add(Flux.interval(this.properties.versionCheckInterval())
			.onBackpressureDrop()
			.concatMap((tick) -> this.probe.changed(this.readModel), 1)
			.subscribe((changed) -> this.readModel.requestRefresh()));
	}

	private Flux<Notification> listenOnce() {
		return Flux.usingWhen(Mono.from(this.primary.unpooled().create()).cast(PostgresqlConnection.class),
				this::listen, (connection) -> {
					this.listening.set(false);
					return Mono.from(connection.close()).onErrorResume((e) -> Mono.empty());
				});
	}

	private Flux<Notification> listen(PostgresqlConnection connection) {
		return connection.createStatement(DataVersionChannel.LISTEN)
			.execute()
			.flatMap(PostgresqlResult::getRowsUpdated)
			.then(Mono.fromRunnable(this::connected))
			.thenMany(connection.getNotifications());
	}

	/**
	 * A new data version (the ingestion's payload), or an operator's {@code 'rebuild'}.
	 */
	private void notified(Notification notification) {
		if (DataVersionChannel.REBUILD.equals(notification.getParameter())) {
			log.info("whole read-model rebuild requested");
			this.readModel.requestRebuild();
		}
		else {
			this.readModel.requestRefresh();
		}
	}

	/**
	 * Notifications sent while we were away are lost: re-read the state after every
	 * (re)connect.
	 */
	private void connected() {
		this.listening.set(true);
		this.readModel.requestRefresh();
	}

	@Override
	public void stop() {
		this.running.dispose();
		this.listening.set(false);
	}

	@Override
	public boolean isRunning() {
		return !this.running.isDisposed() && this.running.size() > 0;
	}

}
