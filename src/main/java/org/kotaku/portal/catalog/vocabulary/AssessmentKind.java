package org.kotaku.portal.catalog.vocabulary;

import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.Text;

/**
 * Which assessment of a slum area this is. The codes are those the canonical table's
 * check constraint allows.
 */
public enum AssessmentKind implements Term {

	BASELINE("baseline", "Data awal", "Baseline"), SK("sk", "Penetapan SK", "Decree"),
	R0("r0", "Verifikasi R0", "R0 verification"), FINAL("final", "Akhir", "Final");

	private final String code;

	private final Text label;

	AssessmentKind(String code, String id, String en) {
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
