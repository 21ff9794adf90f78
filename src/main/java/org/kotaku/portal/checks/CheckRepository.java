package org.kotaku.portal.checks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import org.kotaku.portal.api.SqlFile;
import org.kotaku.portal.httpcache.VersionedCache;
import org.kotaku.portal.httpcache.VersionedCaches;
import org.kotaku.portal.readmodel.ReadModel;
import org.kotaku.portal.readmodel.SnapshotSwapped;

/**
 * Runs every {@link Check} once per data version, one after the other, when the read
 * model moves to a new version (off the request path: requests read the cached result of
 * their version). Each check's SQL file is wrapped in a query that counts all offending
 * records and keeps the first {@link #MAX_IDS} by id, so that a check failing on a
 * million rows costs no more memory than one failing on ten thousand.
 */
@Repository
class CheckRepository {

	/** The most offending ids kept per check and version (the count is always exact). */
	static final int MAX_IDS = 10_000;

	private static final Log log = LogFactory.getLog(CheckRepository.class);

	private static final String WRAPPER = """
			select id, reason, count(*) over () as total
			from (
			%s
			) offending
			order by id
			limit :limit""";

	private final DatabaseClient db;

	private final Map<String, String> sql;

	private final ReadModel readModel;

	private final VersionedCache<String, List<CheckResult>> cache;

	CheckRepository(DatabaseClient db, ReadModel readModel, VersionedCaches caches) {
		this.db = db;
		this.sql = Checks.all().stream().collect(Collectors.toMap(Check::id, (c) -> WRAPPER.formatted(read(c))));
		this.cache = caches.bySize("checks", 4);
		this.readModel = readModel;
	}

	/**
	 * The result of every check at the current data version, in {@link Checks#all()}
	 * order.
	 */
	Mono<List<CheckResult>> current() {
		return this.cache.get(this.readModel.servedVersion(), "all", (key) -> runAll());
	}

	@EventListener
	void warm(SnapshotSwapped swapped) {
		current().subscribe(null, (ex) -> log
			.error("reconciliation checks failed at data version " + swapped.current().version().version(), ex));
	}

	private Mono<List<CheckResult>> runAll() {
		return Flux.fromIterable(Checks.all()).concatMap(this::run).collectList();
	}

	private Mono<CheckResult> run(Check check) {
		return this.db.sql(this.sql.get(check.id()))
			.bind("limit", MAX_IDS)
			.map(Row::of)
			.all()
			.collectList()
			.map((rows) -> result(check, rows));
	}

	private record Row(CheckResult.Offender offender, long total) {

		static Row of(Readable row) {
			return new Row(new CheckResult.Offender(row.get("id", String.class), row.get("reason", String.class)),
					row.get("total", Long.class));
		}

	}

	private static CheckResult result(Check check, List<Row> rows) {
		long count = rows.isEmpty() ? 0 : rows.get(0).total();
		return new CheckResult(check, count, rows.stream().map(Row::offender).toList(), Instant.now());
	}

	private static String read(Check check) {
		return SqlFile.read(check.resource()).strip();
	}

}
