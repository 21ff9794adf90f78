package org.kotaku.portal.readmodel;

import java.util.Collection;
import java.util.Set;

import org.springframework.boot.health.actuate.endpoint.SimpleStatusAggregator;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code readModel} health component, and how it weighs in the overall status.
 * {@code UP}: a snapshot is served, the last refresh succeeded and the LISTEN connection
 * is open. {@code DEGRADED} (HTTP 200): a snapshot is served but it may be stale (the
 * last refresh failed or the LISTEN connection is down, e.g. the database is
 * unreachable): aggregate endpoints keep answering. {@code DOWN}: no snapshot yet. While
 * the read model is {@code DEGRADED}, a {@code DOWN} elsewhere (the database) makes the
 * whole node {@code DEGRADED}, not {@code DOWN}: it still serves every aggregate answer,
 * so a load balancer should keep it.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelHealth {

	static final Status DEGRADED = new Status("DEGRADED", "serving the last snapshot; it may be stale");

	@Bean
	HealthIndicator readModelHealthIndicator(ReadModel readModel, ReadModelListener listener) {
		return () -> health(readModel, listener.listening());
	}

	@Bean
	StatusAggregator healthStatusAggregator() {
		StatusAggregator ordered = new SimpleStatusAggregator(Status.DOWN, Status.OUT_OF_SERVICE, DEGRADED, Status.UP,
				Status.UNKNOWN);
		return (statuses) -> servesDespiteDown(statuses) ? DEGRADED : ordered.getAggregateStatus(statuses);
	}

	private static boolean servesDespiteDown(Collection<Status> statuses) {
		return statuses.contains(DEGRADED)
				&& Set.of(Status.DOWN, DEGRADED, Status.UP, Status.UNKNOWN).containsAll(statuses);
	}

	static Health health(ReadModel readModel, boolean listening) {
		RefreshStatus status = readModel.status();
		Health.Builder builder = readModel.snapshot()
			.map((snapshot) -> Health.status(status.failing() || !listening ? DEGRADED : Status.UP)
				.withDetail("dataVersion", snapshot.version().version())
				.withDetail("asOf", String.valueOf(snapshot.version().asOf())))
			.orElseGet(Health::down);
		builder.withDetail("listening", listening)
			.withDetail("refreshes", status.refreshes())
			.withDetail("failures", status.failures())
			.withDetail("lastRefreshMillis", status.lastDurationMillis());
		if (status.lastSuccess() != null) {
			builder.withDetail("lastSuccess", status.lastSuccess().toString());
		}
		if (status.failing()) {
			builder.withDetail("lastFailure", status.lastFailure().toString())
				.withDetail("lastError", status.lastError());
		}
		return builder.build();
	}

}
