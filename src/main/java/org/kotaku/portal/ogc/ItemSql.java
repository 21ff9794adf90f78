package org.kotaku.portal.ogc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of an {@link ItemQuery} on one collection: the catalog's constant fragments
 * joined by {@code and}, every request value bound as a named parameter ({@code :p0},
 * {@code :p1}, ...).
 */
final class ItemSql {

	private final OgcCollection collection;

	private final List<String> predicates = new ArrayList<>();

	private final Map<String, Object> binds = new LinkedHashMap<>();

	private ItemSql(OgcCollection collection) {
		this.collection = collection;
		this.predicates.add(collection.where());
	}

	/** The filters of the query (not its cursor). */
	static ItemSql filtered(OgcCollection collection, ItemQuery query) {
		ItemSql sql = new ItemSql(collection);
		if (query.bbox() != null) {
			sql.addBbox(query.bbox());
		}
		if (query.time() != null) {
			sql.addTime(query.time());
		}
		query.filters().forEach((q, value) -> sql.predicates.add(q.expression() + " = " + sql.bind(value)));
		return sql;
	}

	/** One feature by id. */
	static ItemSql byId(OgcCollection collection, String id) {
		ItemSql sql = new ItemSql(collection);
		sql.predicates.add(collection.idColumn() + " = " + sql.bind(id));
		return sql;
	}

	/**
	 * Up to this many square degrees a bbox page reads the box's matches through the
	 * spatial index and sorts their ids, instead of walking the id index until the page
	 * is full. Ids follow the village code, so the matches of a small box lie far apart
	 * along the id index: for a 0.3 degree box of the national data (9,555 matches) the
	 * walk read 305,000 rows (238 ms), the sort 13 ms; for a 1 degree box (41,150) 235
	 * against 46 ms; for 3 degrees (105,000) the walk wins (290 against 800 ms), as it
	 * does for the whole country (0.1 against 1,060 ms).
	 */
	static final double SORTED_MATCHES_MAX_SQUARE_DEGREES = 1.5;

	/**
	 * The page: keyset on the id, one row more than the limit to tell whether another
	 * page follows.
	 */
	String page(ItemQuery query) {
		String id = this.collection.idColumn();
		if (query.after() != null) {
			this.predicates.add(id + " > " + bind(query.after()));
		}
		if (query.before() != null) {
			this.predicates.add(id + " < " + bind(query.before()));
		}
		String limit = bind(query.limit() + 1);
		String direction = query.backwards() ? " desc" : "";
		boolean sortedMatches = query.bbox() != null
				&& query.bbox().squareDegrees() <= SORTED_MATCHES_MAX_SQUARE_DEGREES;
		// a first page read through its sorted matches counts them on the way:
		// numberMatched without a second scan
		String matched = sortedMatches && query.after() == null && query.before() == null
				? "(select count(*) from matches)" : "null::bigint";
		String columns = id + " as id, " + this.collection.featureJson() + " as feature, " + matched + " as matched"
				+ (query.backwards() ? "" : ", false as more_before");
		String page;
		if (sortedMatches) {
			// the matches first (materialized: the planner would otherwise walk the id
			// index), then the page's ids
			page = "with matches as materialized (select " + id + " as id from " + this.collection.matchFrom()
					+ " where " + where() + ")\nselect " + columns + " from " + this.collection.from() + " where " + id
					+ " in (select id from matches order by id" + direction + " limit " + limit + ") order by " + id
					+ direction;
		}
		else {
			page = "select " + columns + " from " + this.collection.from() + " where " + where() + " order by " + id
					+ direction + " limit " + limit;
		}
		if (!query.backwards()) {
			return page;
		}
		// read backwards from the cursor, then hand the page out in id order like every
		// other page; when the extra
		// row came back it is the first one, and it only tells that a previous page
		// exists
		return "select id, feature, matched, count(*) over () > " + bind(query.limit()) + " as more_before from ("
				+ page + ") p order by id";
	}

	String count() {
		return "select count(*) as n from " + this.collection.matchFrom() + " where " + where();
	}

	String one() {
		return "select " + this.collection.featureJson() + " as feature from " + this.collection.from() + " where "
				+ where();
	}

	Map<String, Object> binds() {
		return this.binds;
	}

	private void addBbox(Bbox box) {
		if (!box.crossesAntimeridian()) {
			this.predicates.add(this.collection.spatialFilter().formatted(envelope(box.west(), box.east(), box)));
			return;
		}
		String east = this.collection.spatialFilter().formatted(envelope(box.west(), 180, box));
		String west = this.collection.spatialFilter().formatted(envelope(-180, box.east(), box));
		this.predicates.add("(" + east + " or " + west + ")");
	}

	private String envelope(double west, double east, Bbox box) {
		return "ST_MakeEnvelope(" + bind(west) + ", " + bind(box.south()) + ", " + bind(east) + ", " + bind(box.north())
				+ ", 4326)";
	}

	private void addTime(TimeInterval time) {
		OgcCollection.Period period = this.collection.period();
		if (time.end() != null) {
			this.predicates.add(period.start() + " <= " + bind(time.end()));
		}
		if (time.start() != null) {
			this.predicates.add(period.end() + " >= " + bind(time.start()));
		}
	}

	private String bind(Object value) {
		String name = "p" + this.binds.size();
		this.binds.put(name, value);
		return ":" + name;
	}

	private String where() {
		return String.join(" and ", this.predicates);
	}

}
