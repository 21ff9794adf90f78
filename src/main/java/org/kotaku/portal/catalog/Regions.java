package org.kotaku.portal.catalog;

import java.util.List;

import org.kotaku.portal.catalog.vocabulary.RegionType;

import static org.kotaku.portal.catalog.Field.code;
import static org.kotaku.portal.catalog.Field.coordinate;
import static org.kotaku.portal.catalog.Field.decimal;
import static org.kotaku.portal.catalog.Field.integer;
import static org.kotaku.portal.catalog.Field.text;

/**
 * Administrative regions at four levels (provinsi, kabupaten/kota, kecamatan,
 * desa/kelurahan) with their Kemendagri codes, boundaries where known and label points.
 */
final class Regions {

	static final Dataset DATASET = new Dataset("regions", "region", Text.of("Wilayah administrasi", "Regions"),
			Text.of("Provinsi, kabupaten/kota, kecamatan dan desa/kelurahan dengan kode Kemendagri, batas wilayah bila "
					+ "diketahui, dan titik label.",
					"Provinces, regencies and cities, districts and villages with their Kemendagri codes, boundaries "
							+ "where known, and label points."),
			"/api/v1/regions", List.of("regions"), "region r", "region r", "r.code", "r.created_version",
			"coalesce(r.geom, r.label_point)", fields());

	private Regions() {
	}

	private static List<Field> fields() {
		return List.of(
				text("code", "r.code", "Kode Kemendagri bertitik (mis. 64.71.01.1001).",
						"Dotted Kemendagri code (e.g. 64.71.01.1001).")
					.required()
					.queryable()
					.sortable(),
				text("name", "r.name", "Nama wilayah.", "Region name.").required().sortable(),
				code("type", "r.type", RegionType.class, "Jenis wilayah.", "Kind of region.").required().queryable(),
				integer("level", "r.level", "Tingkat: 1 provinsi, 2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan.",
						"Level: 1 province, 2 regency/city, 3 district, 4 village.")
					.required(),
				text("parentCode", "r.parent_code", "Kode wilayah induk.", "Code of the parent region.").queryable(),
				text("provinceCode", "left(r.code, 2)", "Kode provinsi.", "Province code.").required().queryable(),
				text("regencyCode", "case when r.level >= 2 then left(r.code, 5) end",
						"Kode kabupaten/kota (tingkat 2-4).", "Regency/city code (levels 2-4).")
					.queryable(),
				text("codeVersion", "r.code_version", "Versi daftar kode Kemendagri.", "Version of the code list.")
					.required(),
				decimal("areaKm2", "r.area_km2", "km2", "Luas wilayah, km persegi.", "Area, square kilometres."),
				integer("population", "r.population", "Jumlah penduduk.", "Population.").unit("person"),
				coordinate("lon", "r.label_point", "Bujur titik label.", "Longitude of the label point."),
				coordinate("lat", "r.label_point", "Lintang titik label.", "Latitude of the label point."),
				Catalog.updatedVersion("r"));
	}

}
