package org.kotaku.portal.catalog;

import java.util.List;

import static org.kotaku.portal.catalog.Field.date;
import static org.kotaku.portal.catalog.Field.decimal;
import static org.kotaku.portal.catalog.Field.integer;
import static org.kotaku.portal.catalog.Field.text;

/**
 * Slum decrees (SK kumuh) of a Bupati or Walikota, written from the decree fields of the
 * slum areas.
 */
final class Decrees {

	static final Dataset DATASET = new Dataset("decrees", "decree", Text.of("SK kumuh", "Slum decrees"),
			Text.of("Surat keputusan Bupati/Walikota yang menetapkan lokasi permukiman kumuh: nomor, tanggal, "
					+ "penerbit dan luas.",
					"Decrees (SK kumuh) of a Bupati or Walikota that designate slum areas: number, date, issuer and "
							+ "area."),
			"/api/v1/decrees", List.of("slum-areas"), """
					slum_decree d
					join region r on r.code = d.regency_code""", "slum_decree d", "d.id", "d.created_version", null,
			fields());

	private Decrees() {
	}

	private static List<Field> fields() {
		return List.of(text("id", "d.id", "Kode SK.", "Decree id.").required().sortable(),
				text("regencyCode", "d.regency_code", "Kode kabupaten/kota penerbit.",
						"Kemendagri code of the issuing regency/city.")
					.required()
					.queryable(),
				text("regencyName", "r.name", "Nama kabupaten/kota.", "Regency/city name.").required(),
				text("number", "d.number", "Nomor SK.", "Decree number.").required(),
				date("decreeDate", "d.decree_date", "Tanggal SK.", "Decree date.").required().sortable(),
				text("issuer", "d.issuer", "Penerbit SK (Bupati/Walikota).", "Issuer (Bupati/Walikota).").required(),
				decimal("totalAreaHa", "d.total_area_ha", "ha", "Luas total kumuh menurut SK, hektare.",
						"Total slum area in the decree, hectares."),
				integer("slumAreaCount", "(select count(*) from slum_area s where s.decree_id = d.id)",
						"Jumlah kawasan kumuh yang ditetapkan.", "Number of slum areas it designates.")
					.required(),
				Catalog.updatedVersion("d"));
	}

}
