package org.kotaku.portal.catalog.vocabulary;

import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.Text;

/**
 * The program kind of an allocation. The codes are those the canonical table's check
 * constraint allows.
 */
public enum Program implements Term {

	BPM_REGULER("bpm_reguler", "BPM reguler", "Regular community grant (BPM)"),
	PKT("pkt", "Padat karya tunai (PKT)", "Cash for work (PKT)"), KAWASAN("kawasan", "Skala kawasan", "Area scale"),
	BDI("bdi", "BDI", "BDI"), OTHER("other", "Lainnya", "Other");

	private final String code;

	private final Text label;

	Program(String code, String id, String en) {
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
