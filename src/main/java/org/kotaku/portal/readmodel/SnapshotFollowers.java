package org.kotaku.portal.readmodel;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a read-only query on a pooled connection of its own, in a repeatable-read transaction that imports a
 * snapshot exported by the refresh's main transaction ({@code SET TRANSACTION SNAPSHOT}), so it sees exactly the
 * same data while running in parallel with it.
 */
final class SnapshotFollowers {

	private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-Fa-f-]+");

	private final ConnectionFactory connections;

	private final List<String> setup;

	SnapshotFollowers(ConnectionFactory connections, List<String> setup) {
		this.connections = connections;
		this.setup = setup;
	}

	<T> Flux<T> query(String snapshotId, String sql, Function<Readable, T> mapper) {
		if (!SNAPSHOT_ID.matcher(snapshotId).matches()) {
			return Flux.error(new IllegalStateException("unexpected snapshot id " + snapshotId));
		}
		return Flux.usingWhen(Mono.from(this.connections.create()), (connection) -> execute(connection,
				"begin isolation level repeatable read read only")
			.then(execute(connection, "set transaction snapshot '" + snapshotId + "'"))
			.thenMany(Flux.fromIterable(this.setup).concatMap((setting) -> execute(connection, setting)))
			.then()
			.thenMany(Flux.from(connection.createStatement(sql).execute()).flatMap((result) -> result.map(mapper))),
				(connection) -> execute(connection, "commit").then(Mono.from(connection.close())),
				(connection, error) -> close(connection), SnapshotFollowers::close);
	}

	private static Mono<Void> close(Connection connection) {
		return execute(connection, "rollback").onErrorResume((e) -> Mono.empty()).then(Mono.from(connection.close()));
	}

	private static Mono<Void> execute(Connection connection, String sql) {
		return Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).then();
	}

}
