package org.kotaku.portal.catalog.vocabulary;

import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.Text;

/**
 * The scale of a slum area. The codes are those the canonical table's check constraint
 * allows.
 */
public enum Scale implements Term {

	LINGKUNGAN("lingkungan", "Lingkungan (< 15 ha)", "Neighbourhood (< 15 ha)"),
	KAWASAN("kawasan", "Kawasan (>= 15 ha)", "Area (>= 15 ha)");

	private final String code;

	private final Text label;

	Scale(String code, String id, String en) {
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
