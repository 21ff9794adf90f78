package org.kotaku.portal.catalog.vocabulary;

import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.Text;

/**
 * The kind of an administrative region (Kemendagri). The codes are those the canonical
 * table's check constraint allows.
 */
public enum RegionType implements Term {

	PROVINSI("provinsi", "Provinsi", "Province"), KABUPATEN("kabupaten", "Kabupaten", "Regency"),
	KOTA("kota", "Kota", "City"), KECAMATAN("kecamatan", "Kecamatan", "District"),
	KELURAHAN("kelurahan", "Kelurahan", "Urban village"), DESA("desa", "Desa", "Rural village"),
	DESA_ADAT("desa_adat", "Desa adat", "Customary village");

	private final String code;

	private final Text label;

	RegionType(String code, String id, String en) {
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
