package org.kotaku.portal.ogc;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One published feature collection: where its rows come from and how they become GeoJSON
 * features. Every SQL fragment is a constant of {@link OgcCatalog}; request values are
 * only ever bound as parameters.
 *
 * @param from the {@code from} clause (table and alias, with any lateral joins)
 * @param matchFrom the cheaper {@code from} clause that counts the matches and chooses a
 * page's ids: the dataset's {@code countFrom} where every filter of the collection, its
 * bbox included, reads only its tables
 * @param where the predicate that selects the collection's rows of that table
 * @param idColumn the unique, indexed key: the feature id and the keyset-paging order
 * @param geometry the EPSG:4326 geometry expression (polygon, or a point where a record
 * has no polygon)
 * @param spatialFilter the index-backed bbox predicate, with {@code %1$s} standing for
 * the envelope
 * @param properties the feature properties, in output order
 * @param period the interval of time a feature covers, or {@code null} when the
 * collection has none
 * @param dataset the id of the catalog dataset the collection publishes
 */
record OgcCollection(String id, String title, String description, String from, String matchFrom, String where,
		String idColumn, String geometry, String spatialFilter, List<Property> properties, List<Queryable> queryables,
		Period period, String dataset) {

	/** A feature property: its public name and SQL expression. */
	record Property(String name, String expression) {
	}

	/** The first and last day a feature covers. */
	record Period(String start, String end) {
	}

	Optional<Queryable> queryable(String name) {
		return this.queryables.stream().filter((q) -> q.name().equals(name)).findFirst();
	}

	/**
	 * SQL building the whole GeoJSON feature of a row as compact text (row_to_json writes
	 * no spaces).
	 */
	String featureJson() {
		String props = this.properties.stream()
			.map((p) -> p.expression() + " as \"" + p.name() + "\"")
			.collect(Collectors.joining(", "));
		return "'{\"type\":\"Feature\",\"id\":' || to_json(" + this.idColumn
				+ ")::text || ',\"geometry\":' || coalesce(ST_AsGeoJSON(" + this.geometry
				+ ", 7), 'null') || ',\"properties\":' || (select row_to_json(p) from (select " + props
				+ ") p)::text || '}'";
	}

}
