package org.kotaku.portal.catalog.vocabulary;

import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.Text;

/**
 * The unit of an activity's output volume. The codes are those the canonical table's
 * check constraint allows.
 */
public enum OutputUnit implements Term {

	METRE("m", "meter", "metre"), SQUARE_METRE("m2", "meter persegi", "square metre"), UNIT("unit", "unit", "unit"),
	HOUSEHOLD("kk", "kepala keluarga", "household"), PACKAGE("package", "paket", "package"),
	PERSON("person", "orang", "person");

	private final String code;

	private final Text label;

	OutputUnit(String code, String id, String en) {
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
