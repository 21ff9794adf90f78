package org.kotaku.portal.ogc;

import java.time.LocalDate;
import java.util.Map;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/**
 * Feature reads straight from PostGIS: pages stream row by row as GeoJSON text built by
 * the database, never a whole table in memory.
 */
@Repository
class ItemRepository {

	private final DatabaseClient db;

	ItemRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * A page row: the feature id (the keyset cursor), the feature as GeoJSON text, and
	 * how many features match the query when the page's read counted them (else null).
	 */
	record FeatureRow(String id, String feature, Long matched, boolean moreBefore) {
	}

	/**
	 * The spatial and temporal extent of a collection; emits an extent with nulls when it
	 * is empty.
	 */
	record Extent(Double west, Double south, Double east, Double north, LocalDate start, LocalDate end) {
	}

	/**
	 * Up to {@code limit + 1} features of the query in id order (the extra one tells a
	 * next page exists).
	 */
	Flux<FeatureRow> streamPage(OgcCollection collection, ItemQuery query) {
		ItemSql sql = ItemSql.filtered(collection, query);
		String statement = sql.page(query);
		return bind(statement, sql.binds())
			.map((row) -> new FeatureRow(row.get("id", String.class), row.get("feature", String.class),
					row.get("matched", Long.class), Boolean.TRUE.equals(row.get("more_before", Boolean.class))))
			.all();
	}

	/** How many features match the query's filters (its cursor aside). */
	Mono<Long> countMatched(OgcCollection collection, ItemQuery query) {
		ItemSql sql = ItemSql.filtered(collection, query);
		return bind(sql.count(), sql.binds()).map((row) -> row.get("n", Long.class)).one();
	}

	/** One feature as GeoJSON text; empty when the collection has no such feature. */
	Mono<String> findFeature(OgcCollection collection, String id) {
		ItemSql sql = ItemSql.byId(collection, id);
		return bind(sql.one(), sql.binds()).map((row) -> row.get("feature", String.class)).one();
	}

	Mono<Extent> findExtent(OgcCollection collection) {
		OgcCollection.Period period = collection.period();
		String statement = """
				select ST_XMin(x.e) as west, ST_YMin(x.e) as south, ST_XMax(x.e) as east, ST_YMax(x.e) as north,
				       x.t0, x.t1
				from (select ST_Extent(%s) as e, %s as t0, %s as t1 from %s where %s) x""".formatted(
				collection.geometry(), period == null ? "null::date" : "min(" + period.start() + ")",
				period == null ? "null::date" : "max(" + period.end() + ")", collection.from(), collection.where());
		return this.db.sql(statement).map(ItemRepository::toExtent).one();
	}

	private GenericExecuteSpec bind(String statement, Map<String, Object> binds) {
		GenericExecuteSpec spec = this.db.sql(statement);
		for (Map.Entry<String, Object> bind : binds.entrySet()) {
			spec = spec.bind(bind.getKey(), bind.getValue());
		}
		return spec;
	}

	private static Extent toExtent(Readable row) {
		return new Extent(row.get("west", Double.class), row.get("south", Double.class), row.get("east", Double.class),
				row.get("north", Double.class), row.get("t0", LocalDate.class), row.get("t1", LocalDate.class));
	}

}
