package org.kotaku.portal.listing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A database-backed public listing: where its rows come from, the columns it publishes in order, its geometry
 * (for GeoJSON; null when rows have none) and the columns it can be sorted by. Every identifier here is fixed
 * by code, never taken from a request.
 *
 * @param from the FROM clause with its joins (table aliases used by the column and filter SQL)
 * @param countFrom a cheaper FROM clause for counting, valid for every filter of the listing
 * @param id the SQL of the stable, unique row id (the keyset tie-breaker)
 * @param createdVersion the SQL of the data version that created a row (bounds a paged walk to a snapshot)
 * @param sortable the sortable column names; the first is the default sort
 */
public record Resource(String name, String from, String countFrom, String id, String createdVersion,
		List<Column> columns, String geometry, List<String> sortable) {

	public Optional<Column> column(String name) {
		return this.columns.stream().filter((c) -> c.name().equals(name)).findFirst();
	}

	public Column idColumn() {
		return column("id").orElseThrow();
	}

	public List<String> columnNames() {
		return this.columns.stream().map(Column::name).toList();
	}

	public boolean hasGeometry() {
		return this.geometry != null;
	}

	/** The representations offered: GeoJSON only where rows have a geometry. */
	public Set<Format> formats() {
		return hasGeometry() ? Set.of(Format.JSON, Format.CSV, Format.GEOJSON) : Set.of(Format.JSON, Format.CSV);
	}

	/** Sort column by public name ({@code budgetIdr}); the caller checked it is sortable. */
	Map.Entry<Column, Boolean> sortColumn(SortOrder order) {
		return Map.entry(column(order.column()).orElseThrow(), order.descending());
	}

}
