package org.kotaku.portal.catalog;

import java.util.List;

import static org.kotaku.portal.catalog.Field.coordinate;
import static org.kotaku.portal.catalog.Field.decimal;
import static org.kotaku.portal.catalog.Field.integer;
import static org.kotaku.portal.catalog.Field.text;

/**
 * The 100-0-100 access figures of a village in a year, keyed {@code villageCode/year}.
 */
final class AccessIndicators {

	static final Dataset DATASET = new Dataset("access-indicators", "access indicator",
			Text.of("Indikator akses 100-0-100", "100-0-100 access indicators"),
			Text.of("Per desa/kelurahan dan tahun: rumah tangga, jiwa, persentase akses air minum aman, sanitasi layak "
					+ "dan layanan persampahan, dan luas kumuh.",
					"Per village and year: households, people, the percentages with safe drinking water, proper "
							+ "sanitation and waste service, and the slum area."),
			"/api/v1/access-indicators", List.of("access-indicators"), """
					access_indicator i
					join region v on v.code = i.village_code""", "access_indicator i",
			"i.village_code || '/' || i.year", "i.created_version", "v.label_point", fields());

	private AccessIndicators() {
	}

	private static List<Field> fields() {
		return List.of(
				text("id", "i.village_code || '/' || i.year", "Kode desa / tahun.", "Village code / year.").required()
					.sortable(),
				text("villageCode", "i.village_code", "Kode Kemendagri desa/kelurahan.",
						"Kemendagri code of the village.")
					.required()
					.queryable(),
				text("villageName", "v.name", "Nama desa/kelurahan.", "Village name.").required(),
				text("regencyCode", "left(i.village_code, 5)", "Kode kabupaten/kota.", "Regency/city code.").required()
					.queryable(),
				integer("year", "i.year", "Tahun data.", "Year of the figures.").required().queryable().sortable(),
				integer("households", "i.households", "Jumlah rumah tangga.", "Households.").unit("household"),
				integer("people", "i.people", "Jumlah jiwa.", "People.").unit("person"),
				decimal("safeWaterPct", "i.safe_water_pct", "%", "Persentase dengan akses air minum aman.",
						"Percentage with safe drinking water.")
					.sortable(),
				decimal("sanitationPct", "i.sanitation_pct", "%", "Persentase dengan akses sanitasi layak.",
						"Percentage with proper sanitation.")
					.sortable(),
				decimal("wasteServicePct", "i.waste_service_pct", "%", "Persentase terlayani persampahan.",
						"Percentage with waste service."),
				decimal("slumHa", "i.slum_ha", "ha", "Luas kumuh, hektare.", "Slum area, hectares."),
				coordinate("lon", "v.label_point", "Bujur titik label desa.",
						"Longitude of the village's label point."),
				coordinate("lat", "v.label_point", "Lintang titik label desa.",
						"Latitude of the village's label point."),
				Catalog.updatedVersion("i"));
	}

}
