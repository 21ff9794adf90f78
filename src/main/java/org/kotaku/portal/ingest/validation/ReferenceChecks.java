package org.kotaku.portal.ingest.validation;

/** SQL checks that staged rows refer to records the database holds. */
public final class ReferenceChecks {

	private ReferenceChecks() {
	}

	/** Upserted rows whose village code names no stored region. */
	public static String villageExists() {
		return """
				select s.row_no, 'village', s.village_code, 'village ' || s.village_code || ' does not exist'
				from stage s where s.op = 'upsert'
				  and not exists (select 1 from region r where r.code = s.village_code)""";
	}

	/**
	 * Activities that refer (through {@code column}) to a record that the batch deleted:
	 * the batch's tombstones of its dataset ({@code :dataset}) at {@code :version}, one
	 * message per activity, at most a few.
	 */
	public static String stillReferencedByActivities(String column, String what) {
		return """
				select 'activity ' || a.id || ' still refers to %2$s ' || t.record_id
				from tombstone t join activity a on a.%1$s = t.record_id
				where t.dataset = :dataset and t.data_version = :version
				limit 5""".formatted(column, what);
	}

}
