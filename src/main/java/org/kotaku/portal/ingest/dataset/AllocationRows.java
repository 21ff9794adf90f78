package org.kotaku.portal.ingest.dataset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.vocabulary.FundingSource;
import org.kotaku.portal.catalog.vocabulary.Program;
import org.kotaku.portal.catalog.vocabulary.TrancheStatus;
import org.kotaku.portal.ingest.validation.Json;
import org.kotaku.portal.ingest.validation.ReferenceChecks;
import org.kotaku.portal.ingest.validation.RowReader;

/**
 * The {@code allocations} dataset: a grant or budget line for a village and fiscal year
 * (e.g. BPM reguler, PKT) with its ceiling and its disbursement tranches
 * ({@code tranches}: an array of {@code tranche}, {@code status}, {@code date},
 * {@code amountIdr}; in CSV a JSON text cell). Disbursed tranches may not add up to more
 * than the ceiling unless {@code overCeilingOk} is true.
 */
final class AllocationRows extends IdKeyedRows {

	static final Set<String> PROGRAMS = Term.codes(Program.class);

	static final Set<String> SOURCES = Term.codes(FundingSource.class);

	private static final Set<String> TRANCHE_STATUSES = Term.codes(TrancheStatus.class);

	@Override
	public Dataset dataset() {
		return Dataset.ALLOCATIONS;
	}

	@Override
	public List<Column> stageColumns() {
		return List.of(new Column("id", "text"), new Column("village_code", "text"),
				new Column("fiscal_year", "smallint"), new Column("program", "text"), new Column("source", "text"),
				new Column("ceiling_idr", "bigint"), new Column("over_ceiling_ok", "boolean"),
				new Column("tranches", "jsonb"));
	}

	@Override
	public Object[] read(RowReader row) {
		String id = row.text("id", true, 100);
		String village = row.regionCode("village", true, 4);
		Long year = row.integer("fiscalYear", true, 2010, 2100);
		String program = row.choice("program", true, PROGRAMS);
		String source = row.choice("source", true, SOURCES);
		Long ceiling = row.rupiah("ceilingIdr", true);
		Boolean overCeilingOk = row.bool("overCeilingOk", false);
		List<Map<String, Object>> tranches = tranches(row);
		if (!row.valid()) {
			return null;
		}
		long disbursed = tranches.stream()
			.filter((t) -> "disbursed".equals(t.get("status")))
			.mapToLong((t) -> (Long) t.get("amount_idr"))
			.sum();
		if (disbursed > ceiling && !overCeilingOk) {
			row.reject("tranches", disbursed, "disbursed tranches add up to " + disbursed
					+ " IDR, above the ceiling of " + ceiling + " IDR (set overCeilingOk to accept)");
			return null;
		}
		return new Object[] { id, village, year, program, source, ceiling, overCeilingOk, Json.write(tranches) };
	}

	private static List<Map<String, Object>> tranches(RowReader row) {
		Object raw = row.raw("tranches");
		if (raw instanceof String text && !text.isBlank()) {
			try {
				raw = Json.MAPPER.readValue(text, List.class);
			}
			catch (RuntimeException ex) {
				row.reject("tranches", text, "must be a JSON array of tranches");
				return List.of();
			}
		}
		if (raw == null || (raw instanceof String s && s.isBlank())) {
			return List.of();
		}
		if (!(raw instanceof List<?> list) || list.size() > 12) {
			row.reject("tranches", raw, "must be an array of at most 12 tranches");
			return List.of();
		}
		List<Map<String, Object>> tranches = new ArrayList<>(list.size());
		Set<Long> numbers = new HashSet<>();
		for (int i = 0; i < list.size(); i++) {
			if (!(list.get(i) instanceof Map<?, ?> item)) {
				row.reject("tranches[" + i + "]", list.get(i), "must be an object");
				continue;
			}
			@SuppressWarnings("unchecked")
			RowReader t = new RowReader(row.rowNumber(), (Map<String, Object>) item);
			Long number = t.integer("tranche", true, 1, 12);
			String status = t.choice("status", true, TRANCHE_STATUSES);
			LocalDate date = t.date("date", "disbursed".equals(status));
			Long amount = t.rupiah("amountIdr", true);
			if (number != null && !numbers.add(number)) {
				t.reject("tranche", number, "appears twice");
			}
			if (date != null && !"disbursed".equals(status)) {
				t.reject("date", date, "is only given for disbursed tranches");
			}
			String prefix = "tranches[" + i + "].";
			t.errors().forEach((e) -> row.reject(prefix + e.field(), e.value(), e.message()));
			if (t.valid()) {
				Map<String, Object> tranche = new LinkedHashMap<>();
				tranche.put("tranche", number);
				tranche.put("status", status);
				tranche.put("disbursed_on", date == null ? null : date.toString());
				tranche.put("amount_idr", amount);
				tranches.add(tranche);
			}
		}
		return tranches;
	}

	@Override
	public String table() {
		return "allocation";
	}

	@Override
	public List<Column> targetColumns() {
		return List.of(new Column("id", "s.id"), new Column("village_code", "s.village_code"),
				new Column("fiscal_year", "s.fiscal_year"), new Column("program", "s.program"),
				new Column("source", "s.source"), new Column("ceiling_idr", "s.ceiling_idr"),
				new Column("over_ceiling_ok", "s.over_ceiling_ok"));
	}

	@Override
	public List<Column> extraComparisons() {
		return List.of(new Column("""
				(select coalesce(jsonb_agg(jsonb_build_object('tranche', d.tranche, 'status', d.status,
				        'disbursed_on', d.disbursed_on, 'amount_idr', d.amount_idr) order by d.tranche), '[]'::jsonb)
				 from disbursement d where d.allocation_id = t.id)""", """
				(select coalesce(jsonb_agg(e order by (e ->> 'tranche')::int), '[]'::jsonb)
				 from jsonb_array_elements(s.tranches) e)"""));
	}

	@Override
	public List<String> databaseChecks() {
		return List.of(ReferenceChecks.villageExists());
	}

	@Override
	public List<String> afterUpsert() {
		return List.of("""
				delete from disbursement d using stage s join changed c on c.row_no = s.row_no
				where d.allocation_id = s.record_id""", """
				insert into disbursement (allocation_id, tranche, status, disbursed_on, amount_idr)
				select s.record_id, e.tranche, e.status, e.disbursed_on, e.amount_idr
				from stage s join changed c on c.row_no = s.row_no
				cross join lateral jsonb_to_recordset(s.tranches)
				     as e (tranche smallint, status text, disbursed_on date, amount_idr bigint)""");
	}

	@Override
	public ScopeColumns scopeColumns() {
		return new ScopeColumns("village_code", "fiscal_year");
	}

	/** Deleting an allocation that activities refer to is refused. */
	@Override
	public List<String> deleteGuards() {
		return List.of(ReferenceChecks.stillReferencedByActivities("allocation_id", "allocation"));
	}

}
