package org.kotaku.portal.checks;

import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.catalog.Text;

/**
 * One named consistency check: the catalog dataset whose records it judges, what it means
 * in both languages, and its SQL ({@code sql/checks/<id>.sql}), which selects the
 * {@code id} (the dataset's record id) and an optional short {@code reason} of every
 * offending record. A check that a constraint of the schema already guarantees still runs
 * (and says so in its description): the ledger then shows that the guarantee holds.
 */
record Check(String id, Dataset dataset, Text title, Text description) {

	String resource() {
		return "sql/checks/" + this.id + ".sql";
	}

}
