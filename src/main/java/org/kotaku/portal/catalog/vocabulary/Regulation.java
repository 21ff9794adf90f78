package org.kotaku.portal.catalog.vocabulary;

import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.Text;

/**
 * The regulation a slum assessment is scored under. The codes are those the canonical
 * table's check constraint allows.
 */
public enum Regulation implements Term {

	PERMEN_14_2018("14/2018", "Permen PUPR 14/2018", "PUPR regulation 14/2018"),
	PERMEN_02_2016("02/2016", "Permen PUPR 02/2016", "PUPR regulation 02/2016");

	private final String code;

	private final Text label;

	Regulation(String code, String id, String en) {
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
