package org.kotaku.portal.catalog.vocabulary;

import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.Text;

/**
 * Who pays for an allocation. The codes are those the canonical table's check constraint
 * allows.
 */
public enum FundingSource implements Term {

	APBN("apbn", "APBN (anggaran pusat)", "Central budget (APBN)"),
	LOAN("loan", "Pinjaman (Bank Dunia, AIIB)", "Loan (World Bank, AIIB)"),
	APBD("apbd", "APBD (anggaran daerah)", "Local budget (APBD)"), DAK("dak", "DAK", "Special allocation fund (DAK)"),
	CSR("csr", "CSR", "Corporate social responsibility (CSR)"),
	SWADAYA("swadaya", "Swadaya masyarakat", "Community contribution"), OTHER("other", "Lainnya", "Other");

	private final String code;

	private final Text label;

	FundingSource(String code, String id, String en) {
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
