package org.kotaku.portal.catalog.vocabulary;

import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.Text;

/**
 * Whether a slum area's land status is legal. The codes are those the canonical table's
 * check constraint allows.
 */
public enum Legality implements Term {

	LEGAL("legal", "Legal", "Legal"), ILEGAL("ilegal", "Ilegal", "Illegal");

	private final String code;

	private final Text label;

	Legality(String code, String id, String en) {
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
