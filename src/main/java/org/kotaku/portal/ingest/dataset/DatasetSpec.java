package org.kotaku.portal.ingest.dataset;

import org.kotaku.portal.ingest.validation.RowReader;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How one dataset is validated, staged and merged: the columns of its staging table, how
 * an uploaded row becomes those columns, the target table's key and column expressions,
 * and the checks that need the database (references to other records, geometries PostGIS
 * must parse).
 *
 * <p>
 * Every SQL fragment here is a constant of the portal, never built from uploaded values,
 * which are always staged through COPY and bound; the batch's own values are named
 * ({@code :batch}, {@code :version}, {@code :dataset}) and bound by the pipeline when a
 * statement runs.
 */
public interface DatasetSpec {

	Dataset dataset();

	/**
	 * Staging columns (after {@code row_no}, {@code op} and {@code record_id}), as name
	 * and SQL type.
	 */
	List<Column> stageColumns();

	/**
	 * The staged values of a valid row in {@link #stageColumns()} order, or null when the
	 * row is invalid (its problems are then in the reader).
	 */
	Object[] read(RowReader row);

	/**
	 * The staged values of a delete row: only the key columns are filled. By default the
	 * first id field is the first stage column.
	 */
	default Object[] readKey(RowReader row) {
		String id = row.text(idFields().get(0), true, 100);
		if (id == null) {
			return null;
		}
		Object[] values = new Object[stageColumns().size()];
		values[0] = id;
		return values;
	}

	/**
	 * The record id of a staged row: the external id, or a composite key written as text.
	 */
	String recordId(Object[] values);

	/**
	 * The field that carries the record id in uploads (for delete rows and error
	 * messages).
	 */
	List<String> idFields();

	String table();

	/** The join predicate between target {@code t} and stage {@code s}. */
	String keyPredicate();

	/** The target's conflict columns. */
	List<String> keyColumns();

	/** Target column and the expression over stage {@code s} that fills it. */
	List<Column> targetColumns();

	/**
	 * Expressions compared, target side then stage side, besides the target columns, to
	 * tell an update from an unchanged row (nested children). Empty for flat datasets.
	 */
	default List<Column> extraComparisons() {
		return List.of();
	}

	/**
	 * Checks over the staged rows that return {@code (row_no, field, value, message)} for
	 * each problem.
	 */
	List<String> databaseChecks();

	/** Statements run before the main upsert (e.g. decrees referenced by slum areas). */
	default List<String> beforeUpsert() {
		return List.of();
	}

	/**
	 * Statements run after the main upsert, over the stage joined to
	 * {@code changed(row_no)}.
	 */
	default List<String> afterUpsert() {
		return List.of();
	}

	/**
	 * Statements run at the end of the merge, after the upsert, the deletes and a replace
	 * batch's scope deletions (e.g. to recompute pre-aggregates of what the batch
	 * touched). {@code :in_scope} stands for "the row of alias {@code g} lies in the
	 * replace scope's region" ({@code g}'s region column named like
	 * {@link ScopeColumns#regionColumn()}): false outside replace mode, true for a scope
	 * without region.
	 */
	default List<String> afterMerge() {
		return List.of();
	}

	/**
	 * Checks run after the batch's deletions, each returning one message per record the
	 * batch deleted (its tombstones of {@code :dataset} at {@code :version}) that
	 * activities still refer to; any row refuses the batch (409). They stand in for the
	 * foreign keys that activities no longer carry (migration V50).
	 */
	default List<String> deleteGuards() {
		return List.of();
	}

	/**
	 * Whether a batch that inserts a large share of the table may rebuild it beside the
	 * live one ({@code TableRebuild}) instead of maintaining its indexes row by row: for
	 * the large tables whose statements after the merge read them only by name.
	 */
	default boolean rebuildsLargeBatches() {
		return false;
	}

	/**
	 * The target columns a replace-mode scope restricts on: a region code column and a
	 * year column.
	 */
	ScopeColumns scopeColumns();

	default String stageDdl() {
		return "create temp table stage (row_no integer not null, op text not null, record_id text not null, "
				+ stageColumns().stream().map((c) -> c.name() + " " + c.expression()).collect(Collectors.joining(", "))
				+ ") on commit drop";
	}

	/** A column name and an SQL type or expression. */
	record Column(String name, String expression) {
	}

	/**
	 * Which target columns a {@code mode=replace} scope applies to; either may be null
	 * when the dataset has no such dimension.
	 */
	record ScopeColumns(String regionColumn, String yearColumn) {
	}

}
