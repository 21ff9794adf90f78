package org.kotaku.portal.listing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.catalog.Field;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Runs the SQL of every database-backed listing: keyset pages and whole-result streams,
 * exact and planner-estimated counts, and single rows by id. Identifiers come from the
 * {@link Dataset} (fixed by code); every value is bound.
 */
@Repository
class ListingRepository {

	/**
	 * Rows fetched per round trip when a whole result is streamed, so it never sits in
	 * memory at once.
	 */
	private static final int STREAM_FETCH_SIZE = 500;

	/**
	 * Below this many matching rows (planner estimate), a page filters first and sorts
	 * after.
	 */
	private static final long FILTER_FIRST_BELOW = 50_000;

	private final DatabaseClient db;

	private final JsonMapper json;

	ListingRepository(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/**
	 * The rows after {@code after} (null: from the start) in sort order, created at or
	 * before {@code snapshot}; {@code limit} rows at most, or all of them when it is null
	 * (streamed in chunks).
	 */
	Flux<Row> find(Dataset dataset, Where where, SortOrder sort, Cursor after, long snapshot, Integer limit,
			Integer precision) {
		Field sortField = dataset.field(sort.column()).orElseThrow();
		Where all = where.copy().and(dataset.createdVersion() + " <= :snapshot", "snapshot", snapshot);
		if (after != null) {
			keyset(all, dataset, sortField, sort.descending(), after);
		}
		if (limit == null) {
			String sql = select(dataset, sortField, precision) + "\nwhere " + all.sql() + "\norder by "
					+ order(dataset, sortField, sort.descending());
			GenericExecuteSpec spec = bind(this.db.sql(sql), all, precision)
				.filter((statement) -> statement.fetchSize(STREAM_FETCH_SIZE));
			return spec.map((row) -> toRow(row, dataset, sortField, precision != null)).all();
		}
		return countEstimate(dataset, all).flatMapMany((estimate) -> page(dataset, all, sortField, sort.descending(),
				limit, precision, estimate <= FILTER_FIRST_BELOW));
	}

	/**
	 * One page: the ids of the page are chosen on the bare table, then only those rows
	 * are joined and read. When the planner expects few matching rows, they are filtered
	 * first and then sorted ({@code offset 0} keeps the planner from walking an index in
	 * sort order and filtering along it, which is slow when the matching rows sit far
	 * apart in that order, e.g. one region's rows in id order).
	 */
	private Flux<Row> page(Dataset dataset, Where all, Field sortField, boolean descending, int limit,
			Integer precision, boolean filterFirst) {
		String direction = descending ? " desc" : "";
		String ids = filterFirst
				? "select k.id from (select " + dataset.idSql() + " as id, " + sortField.sql() + " as sort_key from "
						+ dataset.countFrom() + "\n  where " + all.sql() + " offset 0) k order by k.sort_key"
						+ direction + ", k.id" + direction + " limit " + limit
				: "select " + dataset.idSql() + " from " + dataset.countFrom() + "\n  where " + all.sql()
						+ "\n  order by " + order(dataset, sortField, descending) + " limit " + limit;
		String sql = select(dataset, sortField, precision) + "\nwhere " + dataset.idSql() + " in (" + ids
				+ ")\norder by " + order(dataset, sortField, descending);
		return bind(this.db.sql(sql), all, precision).map((row) -> toRow(row, dataset, sortField, precision != null))
			.all();
	}

	private static String select(Dataset dataset, Field sortField, Integer precision) {
		return "select " + selectList(dataset, precision != null) + ",\n       " + sortField.sql()
				+ " as sort_value\nfrom " + dataset.from();
	}

	private static String order(Dataset dataset, Field sortField, boolean descending) {
		String direction = descending ? " desc" : "";
		return sortField.equals(dataset.idField()) ? dataset.idSql() + direction
				: sortField.sql() + direction + ", " + dataset.idSql() + direction;
	}

	private static GenericExecuteSpec bind(GenericExecuteSpec spec, Where where, Integer precision) {
		GenericExecuteSpec bound = bindAll(spec, where.binds());
		return precision == null ? bound : bound.bind("precision", precision);
	}

	/**
	 * The row {@code match} selects (its id, or the parts of a composite one), whatever
	 * its version; or empty.
	 */
	Mono<Row> findOne(Dataset dataset, Where match, Integer precision) {
		String sql = "select " + selectList(dataset, precision != null) + ", null as sort_value\nfrom " + dataset.from()
				+ "\nwhere " + match.sql();
		return bind(this.db.sql(sql), match, precision)
			.map((row) -> toRow(row, dataset, dataset.idField(), precision != null))
			.one();
	}

	/**
	 * Every row matching {@code where} (any version) in the order {@code orderBy}, SQL
	 * fixed by code; no geometry.
	 */
	Flux<Row> findAll(Dataset dataset, Where where, String orderBy) {
		String sql = select(dataset, dataset.idField(), null) + "\nwhere " + where.sql() + "\norder by " + orderBy;
		return bindAll(this.db.sql(sql), where.binds()).map((row) -> toRow(row, dataset, dataset.idField(), false))
			.all();
	}

	/**
	 * Every row created at or before {@code snapshot}, in the code-point order of its id
	 * ({@code collate "C"}, the order a bulk file and its delta rely on), streamed in
	 * chunks, each with its geometry both as GeoJSON text ({@code precision} decimals)
	 * and as ISO WKB (null where a record has none): one read serves every file format.
	 */
	Flux<FileRow> findAllForFiles(Dataset dataset, long snapshot, int precision) {
		String wkb = dataset.hasGeometry() ? "ST_AsBinary(" + dataset.geometry() + ")" : "null::bytea";
		String sql = "select " + selectList(dataset, true) + ",\n       " + wkb + " as wkb\nfrom " + dataset.from()
				+ "\nwhere " + dataset.createdVersion() + " <= :snapshot\norder by (" + dataset.idSql()
				+ ") collate \"C\"";
		int geometry = dataset.fields().size();
		GenericExecuteSpec spec = this.db.sql(sql).bind("snapshot", snapshot);
		// the select list names the precision only where there is a geometry to write
		spec = dataset.hasGeometry() ? spec.bind("precision", precision) : spec;
		return spec.filter((statement) -> statement.fetchSize(STREAM_FETCH_SIZE)).map((row) -> {
			Map<String, Object> values = values(row, dataset);
			Row published = new Row((String) values.get(dataset.idField().name()), values,
					row.get(geometry, String.class), null);
			return new FileRow(published, bytes(row.get(geometry + 1)));
		}).all();
	}

	private static byte[] bytes(Object value) {
		if (value instanceof java.nio.ByteBuffer buffer) {
			byte[] bytes = new byte[buffer.remaining()];
			buffer.get(bytes);
			return bytes;
		}
		return (byte[]) value;
	}

	/** Whether a region with this dotted code exists. */
	Mono<Boolean> regionExists(String code) {
		return this.db.sql("select exists (select 1 from region where code = :code)")
			.bind("code", code)
			.map((row) -> row.get(0, Boolean.class))
			.one();
	}

	/** The exact number of matching rows created at or before {@code snapshot}. */
	Mono<Long> countExact(Dataset dataset, Where where, long snapshot) {
		Where all = where.copy().and(dataset.createdVersion() + " <= :snapshot", "snapshot", snapshot);
		String sql = "select count(*) from " + dataset.countFrom() + "\nwhere " + all.sql();
		return bindAll(this.db.sql(sql), all.binds()).map((row) -> row.get(0, Long.class)).one();
	}

	/**
	 * The query planner's estimate of the number of matching rows (from table statistics;
	 * no scan).
	 */
	Mono<Long> countEstimate(Dataset dataset, Where where) {
		String sql = "explain (format json) select 1 from " + dataset.countFrom() + "\nwhere " + where.sql();
		return bindAll(this.db.sql(sql), where.binds()).map((row) -> row.get(0, String.class))
			.one()
			.map(this::planRows);
	}

	private long planRows(String plan) {
		JsonNode root = this.json.readTree(plan);
		return root.get(0).get("Plan").get("Plan Rows").asLong();
	}

	private static void keyset(Where where, Dataset dataset, Field sortField, boolean descending, Cursor after) {
		String comparison = descending ? " < " : " > ";
		where.bind("afterId", after.lastId());
		if (sortField.equals(dataset.idField())) {
			where.and(dataset.idSql() + comparison + ":afterId");
			return;
		}
		try {
			where.bind("afterValue", sortField.parse(after.lastValue()));
		}
		catch (NumberFormatException ex) {
			throw Cursor.malformedCursor();
		}
		where.and("(" + sortField.sql() + ", " + dataset.idSql() + ")" + comparison + "(:afterValue, :afterId)");
	}

	private static String selectList(Dataset dataset, boolean withGeometry) {
		StringBuilder select = new StringBuilder();
		List<Field> columns = dataset.fields();
		for (int i = 0; i < columns.size(); i++) {
			select.append(i == 0 ? "" : ",\n       ").append(columns.get(i).sql());
		}
		String geometry = withGeometry && dataset.hasGeometry() ? "ST_AsGeoJSON(" + dataset.geometry() + ", :precision)"
				: "null::text";
		return select.append(",\n       ").append(geometry).append(" as geometry").toString();
	}

	private static Map<String, Object> values(Readable row, Dataset dataset) {
		List<Field> columns = dataset.fields();
		// sized for every column at once: a bulk file reads a million rows, and rehashing
		// showed in its profile
		Map<String, Object> values = new LinkedHashMap<>((int) (columns.size() / 0.75f) + 1);
		for (int i = 0; i < columns.size(); i++) {
			values.put(columns.get(i).name(), columns.get(i).normalise(row.get(i)));
		}
		return values;
	}

	private static Row toRow(Readable row, Dataset dataset, Field sortField, boolean withGeometry) {
		List<Field> columns = dataset.fields();
		Map<String, Object> values = values(row, dataset);
		String geometry = withGeometry ? row.get(columns.size(), String.class) : null;
		Object sortValue = sortField.normalise(row.get(columns.size() + 1));
		return new Row((String) values.get(dataset.idField().name()), values, geometry, sortValue);
	}

	private static GenericExecuteSpec bindAll(GenericExecuteSpec spec, Map<String, Object> binds) {
		GenericExecuteSpec bound = spec;
		for (Map.Entry<String, Object> bind : binds.entrySet()) {
			bound = bound.bind(bind.getKey(), bind.getValue());
		}
		return bound;
	}

}
