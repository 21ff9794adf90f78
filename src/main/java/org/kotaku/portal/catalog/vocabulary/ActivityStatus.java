package org.kotaku.portal.catalog.vocabulary;

import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.Text;

/**
 * Where an activity stands. The codes are those the canonical table's check constraint
 * allows.
 */
public enum ActivityStatus implements Term {

	PLANNED("planned", "Direncanakan", "Planned"), ONGOING("ongoing", "Berjalan", "Ongoing"),
	COMPLETED("completed", "Selesai", "Completed"), CANCELLED("cancelled", "Dibatalkan", "Cancelled");

	private final String code;

	private final Text label;

	ActivityStatus(String code, String id, String en) {
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
