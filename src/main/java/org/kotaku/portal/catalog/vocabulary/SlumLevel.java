package org.kotaku.portal.catalog.vocabulary;

import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.Text;

/**
 * The slum level that a total score gives. The codes are those the canonical table's
 * check constraint allows.
 */
public enum SlumLevel implements Term {

	TIDAK_KUMUH("tidak_kumuh", "Tidak kumuh", "Not a slum"), RINGAN("ringan", "Kumuh ringan", "Light slum"),
	SEDANG("sedang", "Kumuh sedang", "Medium slum"), BERAT("berat", "Kumuh berat", "Heavy slum");

	private final String code;

	private final Text label;

	SlumLevel(String code, String id, String en) {
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
