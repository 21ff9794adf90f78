package org.kotaku.portal.catalog.vocabulary;

import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.Text;

/**
 * The setting of a slum area. The codes are those the canonical table's check constraint
 * allows.
 */
public enum Typology implements Term {

	DI_ATAS_AIR("di_atas_air", "Di atas air", "Over water"), TEPI_AIR("tepi_air", "Tepi air", "Waterfront"),
	DATARAN_RENDAH("dataran_rendah", "Dataran rendah", "Lowland"), PERBUKITAN("perbukitan", "Perbukitan", "Hillside"),
	RAWAN_BENCANA("rawan_bencana", "Rawan bencana", "Disaster-prone");

	private final String code;

	private final Text label;

	Typology(String code, String id, String en) {
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
