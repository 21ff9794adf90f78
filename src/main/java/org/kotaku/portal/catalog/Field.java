package org.kotaku.portal.catalog;

import java.util.List;

/**
 * One published field of a dataset, described once: its public name (the same in JSON,
 * CSV, GeoJSON, OGC feature properties, bulk files and table schemas), the SQL expression
 * that reads it (fixed by code, over the dataset's table aliases), its type and unit, its
 * allowed values where the vocabulary is closed, whether it is always present, its
 * description in Bahasa Indonesia and English, and whether OGC API - Features filters
 * ({@code queryable}) and the list API sorts ({@code sortable}) on it.
 *
 * @param unit the unit of a number ({@code IDR}, {@code ha}, {@code %}, {@code m}, ...),
 * or null
 * @param values the allowed values, empty for an open one
 * @param coordinate whether the field repeats a coordinate of the feature's geometry
 * (left out of OGC features)
 */
public record Field(String name, String sql, FieldType type, String unit, List<Term> values, boolean isRequired,
		Text description, boolean isQueryable, boolean isSortable, boolean coordinate) {

	public static Field of(String name, FieldType type, String sql, String id, String en) {
		return new Field(name, sql, type, null, List.of(), false, Text.of(id, en), false, false, false);
	}

	public static Field text(String name, String sql, String id, String en) {
		return of(name, FieldType.STRING, sql, id, en);
	}

	public static Field integer(String name, String sql, String id, String en) {
		return of(name, FieldType.INTEGER, sql, id, en);
	}

	public static Field money(String name, String sql, String id, String en) {
		return of(name, FieldType.MONEY, sql, id, en).unit("IDR");
	}

	public static Field decimal(String name, String sql, String unit, String id, String en) {
		return of(name, FieldType.DECIMAL, sql, id, en).unit(unit);
	}

	public static Field date(String name, String sql, String id, String en) {
		return of(name, FieldType.DATE, sql, id, en);
	}

	/** A code of a closed vocabulary. */
	public static <T extends Enum<T> & Term> Field code(String name, String sql, Class<T> vocabulary, String id,
			String en) {
		return text(name, sql, id, en).values(Term.terms(vocabulary));
	}

	/**
	 * The longitude or latitude of a feature's point, in EPSG:4326 degrees with 6
	 * decimals.
	 */
	public static Field coordinate(String name, String pointSql, String id, String en) {
		String axis = name.equals("lon") ? "ST_X" : "ST_Y";
		return new Field(name, "round(" + axis + "(" + pointSql + ")::numeric, 6)", FieldType.DECIMAL, "degree",
				List.of(), false, Text.of(id, en), false, false, true);
	}

	public Field unit(String unit) {
		return new Field(this.name, this.sql, this.type, unit, this.values, this.isRequired, this.description,
				this.isQueryable, this.isSortable, this.coordinate);
	}

	public Field values(List<Term> values) {
		return new Field(this.name, this.sql, this.type, this.unit, List.copyOf(values), this.isRequired,
				this.description, this.isQueryable, this.isSortable, this.coordinate);
	}

	public Field list() {
		return new Field(this.name, this.sql, FieldType.STRING_LIST, this.unit, this.values, this.isRequired,
				this.description, this.isQueryable, this.isSortable, this.coordinate);
	}

	/** Always present (never null). */
	public Field required() {
		return new Field(this.name, this.sql, this.type, this.unit, this.values, true, this.description,
				this.isQueryable, this.isSortable, this.coordinate);
	}

	/** Filtered on by exact value in OGC API - Features ({@code ?type=drainage}). */
	public Field queryable() {
		return new Field(this.name, this.sql, this.type, this.unit, this.values, this.isRequired, this.description,
				true, this.isSortable, this.coordinate);
	}

	/** Sortable in the list API ({@code sort=name}, {@code sort=-name}). */
	public Field sortable() {
		return new Field(this.name, this.sql, this.type, this.unit, this.values, this.isRequired, this.description,
				this.isQueryable, true, this.coordinate);
	}

	/** The codes of the allowed values, empty for an open vocabulary. */
	public List<String> codes() {
		return this.values.stream().map(Term::code).toList();
	}

	public Object normalise(Object value) {
		return this.type.normalise(value);
	}

	public Object parse(String text) {
		return this.type.parse(text);
	}

}
