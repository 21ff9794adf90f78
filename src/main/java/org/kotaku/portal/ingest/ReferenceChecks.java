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

}
