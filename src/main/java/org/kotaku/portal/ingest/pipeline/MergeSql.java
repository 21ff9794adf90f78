package org.kotaku.portal.ingest.pipeline;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.kotaku.portal.ingest.dataset.DatasetSpec.Column;
import org.kotaku.portal.ingest.dataset.DatasetSpec;

/**
 * The statements that move a staged batch into its canonical table, built from a
 * {@link DatasetSpec}'s constant column lists. Their values are named ({@code :batch},
 * {@code :version}, {@code :dataset}, the scope's {@code :region} and {@code :year}) and
 * bound when they run ({@link BoundSql}), never written into the text.
 */
final class MergeSql {

	private final DatasetSpec spec;

	MergeSql(DatasetSpec spec) {
		this.spec = spec;
	}

	String copy() {
		return "copy stage (row_no, op, record_id, "
				+ this.spec.stageColumns().stream().map(Column::name).collect(Collectors.joining(", "))
				+ ") from stdin";
	}

	/**
	 * Rows whose record id an earlier row of the batch already carries. Grouped by
	 * hashing, not sorted: sorting a million ids under the database's collation cost
	 * seconds, and without duplicates the join reads nothing more.
	 */
	String duplicates() {
		return """
				select s.row_no, '%s', s.record_id, 'appears more than once in this batch (first at row ' || d.first_row || ')'
				from (select record_id, min(row_no) as first_row from stage group by record_id having count(*) > 1) d
				join stage s on s.record_id = d.record_id and s.row_no <> d.first_row"""
			.formatted(String.join("+", this.spec.idFields()));
	}

	/**
	 * Upsert rows that are new or differ from what is stored, with whether each is new.
	 */
	String classify() {
		List<Column> targets = this.spec.targetColumns();
		String stored = Stream
			.concat(targets.stream().map((c) -> "t." + c.name()),
					this.spec.extraComparisons().stream().map(Column::name))
			.collect(Collectors.joining(", "));
		String staged = Stream
			.concat(targets.stream().map(Column::expression),
					this.spec.extraComparisons().stream().map(Column::expression))
			.collect(Collectors.joining(", "));
		return """
				create temp table changed on commit drop as
				select s.row_no, t.%1$s is null as is_new
				from stage s left join %2$s t on %3$s
				where s.op = 'upsert' and (t.%1$s is null or row(%4$s) is distinct from row(%5$s))"""
			.formatted(this.spec.keyColumns().get(0), this.spec.table(), this.spec.keyPredicate(), stored, staged);
	}

	/**
	 * Inserts the rows classified as new. A plain insert, not an upsert: no other writer
	 * can add the same keys between the classification and this statement, as every batch
	 * holds the ingestion lock and only ingestion writes canonical tables (a key that
	 * appeared anyway fails on the primary key, and the batch rolls back).
	 */
	String insertNew() {
		List<Column> targets = this.spec.targetColumns();
		String columns = targets.stream().map(Column::name).collect(Collectors.joining(", "));
		String values = targets.stream().map(Column::expression).collect(Collectors.joining(", "));
		return """
				insert into %1$s (%2$s, batch_id, created_version, updated_version)
				select %3$s, :batch, :version, :version
				from stage s join changed c on c.row_no = s.row_no
				where c.is_new""".formatted(this.spec.table(), columns, values);
	}

	/** Rewrites the stored rows classified as changed; their created version stays. */
	String updateChanged() {
		String updates = this.spec.targetColumns()
			.stream()
			.filter((c) -> !this.spec.keyColumns().contains(c.name()))
			.map((c) -> c.name() + " = " + c.expression())
			.collect(Collectors.joining(", "));
		return """
				update %1$s t set %2$s, batch_id = :batch, updated_version = :version
				from stage s join changed c on c.row_no = s.row_no
				where not c.is_new and %3$s""".formatted(this.spec.table(), updates, this.spec.keyPredicate());
	}

	String deletes() {
		return """
				with gone as (delete from %1$s t using stage s where s.op = 'delete' and %2$s returning s.record_id)
				insert into tombstone (dataset, record_id, data_version, batch_id)
				select :dataset, record_id, :version, :batch from gone""".formatted(this.spec.table(),
				this.spec.keyPredicate());
	}

	/** Deletes the stored rows inside the scope that the batch does not carry. */
	String replaceScope(boolean byRegion, boolean byYear) {
		return """
				with gone as (delete from %1$s t where %2$s
				     and not exists (select 1 from stage s where %3$s) returning %4$s as record_id)
				insert into tombstone (dataset, record_id, data_version, batch_id)
				select :dataset, record_id, :version, :batch from gone""".formatted(this.spec.table(),
				scopePredicate("t", byRegion, byYear), this.spec.keyPredicate(), targetRecordId());
	}

	/**
	 * An {@link DatasetSpec#afterMerge()} statement with {@code :in_scope} replaced:
	 * false unless a replace batch, else whether alias {@code g} lies in the scope's
	 * region ({@code :region}; any region without one).
	 */
	String afterMerge(String statement, boolean replace, boolean byRegion) {
		String inScope = !replace ? "false"
				: "(" + scopePredicate("g", byRegion ? this.spec.scopeColumns().regionColumn() : null, null) + ")";
		return statement.replace(":in_scope", inScope);
	}

	/** Staged rows that lie outside the declared scope. */
	String outsideScope(boolean byRegion, boolean byYear) {
		DatasetSpec.ScopeColumns scope = this.spec.scopeColumns();
		String region = byRegion ? stageScopeColumn(scope.regionColumn()) : null;
		String year = byYear ? stageScopeColumn(scope.yearColumn()) : null;
		return """
				select s.row_no, 'scope', s.record_id, 'lies outside the declared scope of this replace batch'
				from stage s where not (%s)""".formatted(scopePredicate("s", region, year));
	}

	private String stageScopeColumn(String targetColumn) {
		return this.spec.targetColumns()
			.stream()
			.filter((c) -> c.name().equals(targetColumn))
			.map((c) -> c.expression().substring(2))
			.findFirst()
			.orElseThrow();
	}

	private String scopePredicate(String alias, boolean byRegion, boolean byYear) {
		DatasetSpec.ScopeColumns scope = this.spec.scopeColumns();
		return scopePredicate(alias, byRegion ? scope.regionColumn() : null, byYear ? scope.yearColumn() : null);
	}

	private static String scopePredicate(String alias, String regionColumn, String yearColumn) {
		String region = regionColumn == null ? "true"
				: "(%1$s.%2$s = :region or %1$s.%2$s like :region || '.%%')".formatted(alias, regionColumn);
		String year = yearColumn == null ? "true" : "%s.%s = :year".formatted(alias, yearColumn);
		return region + " and " + year;
	}

	private String targetRecordId() {
		return this.spec.keyColumns()
			.stream()
			.map((k) -> "t." + k + "::text")
			.collect(Collectors.joining(" || '/' || "));
	}

}
