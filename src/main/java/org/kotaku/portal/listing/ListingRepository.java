package org.kotaku.portal.listing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/**
 * Runs the SQL of every database-backed listing: keyset pages and whole-result streams, exact and planner-estimated
 * counts, and single rows by id. Identifiers come from the {@link Resource} (fixed by code); every value is bound.
 */
@Repository
class ListingRepository {

	/** Rows fetched per round trip when a whole result is streamed, so it never sits in memory at once. */
	private static final int STREAM_FETCH_SIZE = 500;

	private final DatabaseClient db;

	private final JsonMapper json;

	ListingRepository(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/**
	 * The rows after {@code after} (null: from the start) in sort order, created at or before {@code snapshot};
	 * {@code limit} rows at most, or all of them when it is null (streamed in chunks).
	 */
	Flux<Row> find(Resource resource, Where where, SortOrder sort, Cursor after, long snapshot, Integer limit,
			Integer precision) {
		Column sortColumn = resource.column(sort.column()).orElseThrow();
		Where all = where.copy().and(resource.createdVersion() + " <= :snapshot", "snapshot", snapshot);
		if (after != null) {
			keyset(all, resource, sortColumn, sort.descending(), after);
		}
		String direction = sort.descending() ? " desc" : "";
		String order = sortColumn.equals(resource.idColumn()) ? resource.id() + direction
				: sortColumn.sql() + direction + ", " + resource.id() + direction;
		String sql = "select " + selectList(resource, precision != null) + ",\n       " + sortColumn.sql()
				+ " as sort_value\nfrom " + resource.from() + "\nwhere " + all.sql() + "\norder by " + order
				+ (limit == null ? "" : "\nlimit " + limit);
		GenericExecuteSpec spec = bindAll(this.db.sql(sql), all.binds());
		if (precision != null) {
			spec = spec.bind("precision", precision);
		}
		if (limit == null) {
			spec = spec.filter((statement) -> statement.fetchSize(STREAM_FETCH_SIZE));
		}
		return spec.map((row) -> toRow(row, resource, sortColumn, precision != null)).all();
	}

	/** One row by id, whatever its version; empty when there is none. */
	Mono<Row> findById(Resource resource, String id, Integer precision) {
		String sql = "select " + selectList(resource, precision != null) + ", null as sort_value\nfrom "
				+ resource.from() + "\nwhere " + resource.id() + " = :id";
		GenericExecuteSpec spec = this.db.sql(sql).bind("id", id);
		if (precision != null) {
			spec = spec.bind("precision", precision);
		}
		return spec.map((row) -> toRow(row, resource, resource.idColumn(), precision != null)).one();
	}

	/** Whether a region with this dotted code exists. */
	Mono<Boolean> regionExists(String code) {
		return this.db.sql("select exists (select 1 from region where code = :code)")
			.bind("code", code)
			.map((row) -> row.get(0, Boolean.class))
			.one();
	}

	/** The exact number of matching rows created at or before {@code snapshot}. */
	Mono<Long> countExact(Resource resource, Where where, long snapshot) {
		Where all = where.copy().and(resource.createdVersion() + " <= :snapshot", "snapshot", snapshot);
		String sql = "select count(*) from " + resource.countFrom() + "\nwhere " + all.sql();
		return bindAll(this.db.sql(sql), all.binds()).map((row) -> row.get(0, Long.class)).one();
	}

	/** The query planner's estimate of the number of matching rows (from table statistics; no scan). */
	Mono<Long> countEstimate(Resource resource, Where where) {
		String sql = "explain (format json) select 1 from " + resource.countFrom() + "\nwhere " + where.sql();
		return bindAll(this.db.sql(sql), where.binds()).map((row) -> row.get(0, String.class))
			.one()
			.map(this::planRows);
	}

	private long planRows(String plan) {
		JsonNode root = this.json.readTree(plan);
		return root.get(0).get("Plan").get("Plan Rows").asLong();
	}

	private static void keyset(Where where, Resource resource, Column sortColumn, boolean descending,
			Cursor after) {
		String comparison = descending ? " < " : " > ";
		where.bind("afterId", after.lastId());
		if (sortColumn.equals(resource.idColumn())) {
			where.and(resource.id() + comparison + ":afterId");
			return;
		}
		try {
			where.bind("afterValue", sortColumn.parse(after.lastValue()));
		}
		catch (NumberFormatException ex) {
			throw Cursor.malformedCursor();
		}
		where.and("(" + sortColumn.sql() + ", " + resource.id() + ")" + comparison + "(:afterValue, :afterId)");
	}

	private static String selectList(Resource resource, boolean withGeometry) {
		StringBuilder select = new StringBuilder();
		List<Column> columns = resource.columns();
		for (int i = 0; i < columns.size(); i++) {
			select.append(i == 0 ? "" : ",\n       ").append(columns.get(i).sql());
		}
		String geometry = withGeometry && resource.hasGeometry()
				? "ST_AsGeoJSON(" + resource.geometry() + ", :precision)" : "null::text";
		return select.append(",\n       ").append(geometry).append(" as geometry").toString();
	}

	private static Row toRow(Readable row, Resource resource, Column sortColumn, boolean withGeometry) {
		List<Column> columns = resource.columns();
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < columns.size(); i++) {
			values.put(columns.get(i).name(), columns.get(i).normalise(row.get(i)));
		}
		String geometry = withGeometry ? row.get(columns.size(), String.class) : null;
		Object sortValue = sortColumn.normalise(row.get(columns.size() + 1));
		return new Row((String) values.get("id"), values, geometry, sortValue);
	}

	private static GenericExecuteSpec bindAll(GenericExecuteSpec spec, Map<String, Object> binds) {
		GenericExecuteSpec bound = spec;
		for (Map.Entry<String, Object> bind : binds.entrySet()) {
			bound = bound.bind(bind.getKey(), bind.getValue());
		}
		return bound;
	}

}
