package org.kotaku.portal.catalog.vocabulary;

import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.Text;

/**
 * The handling pattern of a slum area. The codes are those the canonical table's check
 * constraint allows.
 */
public enum Handling implements Term {

	PEMUGARAN("pemugaran", "Pemugaran", "Restoration"), PEREMAJAAN("peremajaan", "Peremajaan", "Renewal"),
	PEMUKIMAN_KEMBALI("pemukiman_kembali", "Pemukiman kembali", "Resettlement");

	private final String code;

	private final Text label;

	Handling(String code, String id, String en) {
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
