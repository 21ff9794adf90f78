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

	/** Below this many matching rows (planner estimate), a page filters first and sorts after. */
	private static final long FILTER_FIRST_BELOW = 50_000;

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
		if (limit == null) {
			String sql = select(resource, sortColumn, precision) + "\nwhere " + all.sql() + "\norder by "
					+ order(resource, sortColumn, sort.descending());
			GenericExecuteSpec spec = bind(this.db.sql(sql), all, precision)
				.filter((statement) -> statement.fetchSize(STREAM_FETCH_SIZE));
			return spec.map((row) -> toRow(row, resource, sortColumn, precision != null)).all();
		}
		return countEstimate(resource, all).flatMapMany((estimate) -> page(resource, all, sortColumn,
				sort.descending(), limit, precision, estimate <= FILTER_FIRST_BELOW));
	}

	/**
	 * One page: the ids of the page are chosen on the bare table, then only those rows are joined and read. When
	 * the planner expects few matching rows, they are filtered first and then sorted ({@code offset 0} keeps the
	 * planner from walking an index in sort order and filtering along it, which is slow when the matching rows
	 * sit far apart in that order, e.g. one region's rows in id order).
	 */
	private Flux<Row> page(Resource resource, Where all, Column sortColumn, boolean descending, int limit,
			Integer precision, boolean filterFirst) {
		String direction = descending ? " desc" : "";
		String ids = filterFirst
				? "select k.id from (select " + resource.id() + " as id, " + sortColumn.sql() + " as sort_key from "
						+ resource.countFrom() + "\n  where " + all.sql() + " offset 0) k order by k.sort_key" + direction
						+ ", k.id" + direction + " limit " + limit
				: "select " + resource.id() + " from " + resource.countFrom() + "\n  where " + all.sql() + "\n  order by "
						+ order(resource, sortColumn, descending) + " limit " + limit;
		String sql = select(resource, sortColumn, precision) + "\nwhere " + resource.id() + " in (" + ids
				+ ")\norder by " + order(resource, sortColumn, descending);
		return bind(this.db.sql(sql), all, precision).map((row) -> toRow(row, resource, sortColumn, precision != null))
			.all();
	}

	private static String select(Resource resource, Column sortColumn, Integer precision) {
		return "select " + selectList(resource, precision != null) + ",\n       " + sortColumn.sql()
				+ " as sort_value\nfrom " + resource.from();
	}

	private static String order(Resource resource, Column sortColumn, boolean descending) {
		String direction = descending ? " desc" : "";
		return sortColumn.equals(resource.idColumn()) ? resource.id() + direction
				: sortColumn.sql() + direction + ", " + resource.id() + direction;
	}

	private static GenericExecuteSpec bind(GenericExecuteSpec spec, Where where, Integer precision) {
		GenericExecuteSpec bound = bindAll(spec, where.binds());
		return precision == null ? bound : bound.bind("precision", precision);
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
