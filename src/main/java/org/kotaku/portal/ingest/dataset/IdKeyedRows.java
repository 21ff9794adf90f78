package org.kotaku.portal.ingest.dataset;

import java.util.List;

/**
 * A dataset whose records carry their own external {@code id} (slum areas, assessments,
 * allocations, activities): the first staged column is the id, the upload field is
 * {@code id}, and the target table's key is its {@code id} column.
 */
abstract class IdKeyedRows implements DatasetSpec {

	@Override
	public final String recordId(Object[] values) {
		return (String) values[0];
	}

	@Override
	public final List<String> idFields() {
		return List.of("id");
	}

	@Override
	public final String keyPredicate() {
		return "t.id = s.record_id";
	}

	@Override
	public final List<String> keyColumns() {
		return List.of("id");
	}

}
