package org.kotaku.portal.catalog;

import java.util.List;
import java.util.Optional;

/**
 * One published dataset, described once: what it is called and about (both languages),
 * where the list API serves it, which ingestion datasets write it (its last modification
 * is their last batch), where its rows come from and how they are keyed, its geometry,
 * and its fields in published order. Every SQL fragment here is fixed by code, never
 * taken from a request.
 *
 * @param id the dataset's stable public name ({@code activities}), also its bulk files'
 * and catalog entry's
 * @param recordName what one record is called in messages ({@code activity})
 * @param sources the ingestion datasets ({@code /internal/v1/ingest/{dataset}}) whose
 * batches write it
 * @param from the FROM clause with its joins (table aliases used by the field SQL)
 * @param countFrom a cheaper FROM clause for counting and choosing a page, valid for
 * every filter of the dataset
 * @param idSql the SQL of the stable, unique record id (the keyset tie-breaker); the
 * first field publishes it
 * @param createdVersion the SQL of the data version that created a record (bounds a paged
 * walk to a snapshot)
 * @param geometry the EPSG:4326 geometry, or null when records have none
 */
public record Dataset(String id, String recordName, Text title, Text description, String apiPath, List<String> sources,
		String from, String countFrom, String idSql, String createdVersion, String geometry, List<Field> fields) {

	public Optional<Field> field(String name) {
		return this.fields.stream().filter((f) -> f.name().equals(name)).findFirst();
	}

	/** The field that publishes the record id: always the first. */
	public Field idField() {
		return this.fields.get(0);
	}

	public List<String> fieldNames() {
		return this.fields.stream().map(Field::name).toList();
	}

	public boolean hasGeometry() {
		return this.geometry != null;
	}

	/** The sortable field names; the first is the default sort. */
	public List<String> sortable() {
		return this.fields.stream().filter(Field::isSortable).map(Field::name).toList();
	}

	/** The fields OGC API - Features filters on by exact value. */
	public List<Field> queryables() {
		return this.fields.stream().filter(Field::isQueryable).toList();
	}

	/**
	 * The properties of a GeoJSON feature in OGC API - Features: every field but the id
	 * and the coordinates.
	 */
	public List<Field> featureProperties() {
		return this.fields.stream().skip(1).filter((f) -> !f.coordinate()).toList();
	}

}
