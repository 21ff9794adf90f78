package org.kotaku.portal.dataversion;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * The one answer to "which data version is current": the newest committed ingestion batch
 * (one index probe on the unique {@code data_version}), when it was committed and whether
 * the data are synthetic. Database-backed answers (searches, OGC items, tiles, the change
 * log) read it on the public pool, so that their ETags, versioned tile URLs and paging
 * snapshots name the data they actually read (the read model's snapshot can lag a commit
 * by the length of a refresh); the read model reads it inside the transaction that loads
 * a snapshot, and on the primary ({@link #on(DatabaseClient)}) to learn whether a refresh
 * is due. Reading it must be cheap: the HTTP layer asks for it on every routed public
 * request before any handler runs.
 */
@Repository
public class DataVersions {

	private static final String CURRENT = """
			select b.data_version, b.committed_at,
			       exists (select 1 from ingest_batch s where s.synthetic) as synthetic
			from (select 1) one
			left join lateral (select data_version, committed_at from ingest_batch
			                   order by data_version desc limit 1) b on true""";

	private static final String COMMITTED = """
			select data_version, committed_at from ingest_batch where data_version = any(:versions)""";

	private final DatabaseClient db;

	DataVersions(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * The current version on the public pool (the replica's, when public reads come from
	 * one); inside a transaction of that pool, the version that transaction sees. Version
	 * 0 before the first batch.
	 */
	public Mono<DataVersion> current() {
		return on(this.db);
	}

	/** Just the number of the current version (cache keys, tile URLs). */
	public Mono<Long> currentNumber() {
		return current().map(DataVersion::version);
	}

	/**
	 * The current version as another database sees it (the primary, for the read model's
	 * version check).
	 */
	public Mono<DataVersion> on(DatabaseClient database) {
		return database.sql(CURRENT).map(DataVersions::fromRow).one();
	}

	/**
	 * The version the conditional GET already read for this request
	 * ({@link DataVersion#ATTRIBUTE}), or the current one.
	 */
	public Mono<DataVersion> of(ServerRequest request) {
		return request.attribute(DataVersion.ATTRIBUTE)
			.map(DataVersion.class::cast)
			.map(Mono::just)
			.orElseGet(this::current);
	}

	/**
	 * When each of {@code versions} was committed, by version; a version this database
	 * never committed is missing. What tells files kept on disk for a version from those
	 * of another database's same number.
	 */
	public Mono<Map<Long, Instant>> committedAt(Collection<Long> versions) {
		return this.db.sql(COMMITTED)
			.bind("versions", versions.toArray(Long[]::new))
			.map((row) -> Map.entry(row.get(0, Long.class), row.get(1, OffsetDateTime.class).toInstant()))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	private static DataVersion fromRow(Readable row) {
		Long version = row.get("data_version", Long.class);
		OffsetDateTime asOf = row.get("committed_at", OffsetDateTime.class);
		boolean synthetic = Boolean.TRUE.equals(row.get("synthetic", Boolean.class));
		return new DataVersion(version == null ? 0 : version, asOf == null ? null : asOf.toInstant(),
				synthetic ? DataVersion.SYNTHETIC : DataVersion.REAL);
	}

}
