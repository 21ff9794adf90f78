package org.kotaku.portal.catalog.vocabulary;

import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.Text;

/**
 * Where a disbursement tranche stands. The codes are those the canonical table's check
 * constraint allows.
 */
public enum TrancheStatus implements Term {

	PLANNED("planned", "Direncanakan", "Planned"), REQUESTED("requested", "Diajukan", "Requested"),
	DISBURSED("disbursed", "Disalurkan", "Disbursed"), CANCELLED("cancelled", "Dibatalkan", "Cancelled");

	private final String code;

	private final Text label;

	TrancheStatus(String code, String id, String en) {
		this.code = code;
		this.label = Text.of(id, en);
	}

	@Override
	public String code() {
		return this.code;
	}

	@Override
	public Text label() {
		return this.label;
	}

}
