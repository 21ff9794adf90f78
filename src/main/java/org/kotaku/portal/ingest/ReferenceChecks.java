package org.kotaku.portal.ingest;

/** SQL checks that staged rows refer to records the database holds. */
final class ReferenceChecks {

	private ReferenceChecks() {
	}

	/** Upserted rows whose village code names no stored region. */
	static String villageExists() {
		return """
				select s.row_no, 'village', s.village_code, 'village ' || s.village_code || ' does not exist'
				from stage s where s.op = 'upsert'
				  and not exists (select 1 from region r where r.code = s.village_code)""";
	}

	/**
	 * Activities that refer (through {@code column}) to a record of {@code dataset} that the batch deleted: the
	 * batch's tombstones at {@code :version}, one message per activity, at most a few.
	 */
	static String stillReferencedByActivities(Dataset dataset, String column, String what) {
		return """
				select 'activity ' || a.id || ' still refers to %3$s ' || t.record_id
				from tombstone t join activity a on a.%2$s = t.record_id
				where t.dataset = '%1$s' and t.data_version = :version
				limit 5""".formatted(dataset.publicName(), column, what);
	}

}
