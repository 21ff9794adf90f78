package org.kotaku.portal.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Reads the current data version from the change log: the newest committed ingestion batch (one index probe on
 * the unique {@code data_version}). Database-backed answers (searches, OGC items, tiles) use it rather than the
 * read model's snapshot version, which can lag a commit by the length of a refresh: their ETags, versioned tile
 * URLs and paging snapshots must name the data they actually read.
 */
@Component
class IngestBatchVersions implements DataVersions {

	private static final String CURRENT = """
			select b.data_version, b.committed_at,
			       exists (select 1 from ingest_batch s where s.synthetic) as synthetic
			from (select 1) one
			left join lateral (select data_version, committed_at from ingest_batch
			                   order by data_version desc limit 1) b on true""";

	private static final String COMMITTED = """
			select data_version, committed_at from ingest_batch where data_version = any(:versions)""";

	private final DatabaseClient db;

	IngestBatchVersions(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<DataVersion> current() {
		return this.db.sql(CURRENT).map(IngestBatchVersions::fromRow).one();
	}

	@Override
	public Mono<Map<Long, Instant>> committedAt(Collection<Long> versions) {
		return this.db.sql(COMMITTED)
			.bind("versions", versions.toArray(Long[]::new))
			.map((row) -> Map.entry(row.get(0, Long.class), row.get(1, OffsetDateTime.class).toInstant()))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	private static DataVersion fromRow(Readable row) {
		Long version = row.get(0, Long.class);
		OffsetDateTime asOf = row.get(1, OffsetDateTime.class);
		boolean synthetic = Boolean.TRUE.equals(row.get(2, Boolean.class));
		return new DataVersion(version == null ? 0 : version, asOf == null ? null : asOf.toInstant(),
				synthetic ? "demo-synthetic" : "kotaku");
	}

}
