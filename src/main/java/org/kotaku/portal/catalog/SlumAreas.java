package org.kotaku.portal.catalog;

import java.util.List;

import org.kotaku.portal.catalog.vocabulary.AssessmentKind;
import org.kotaku.portal.catalog.vocabulary.Handling;
import org.kotaku.portal.catalog.vocabulary.Legality;
import org.kotaku.portal.catalog.vocabulary.Regulation;
import org.kotaku.portal.catalog.vocabulary.Scale;
import org.kotaku.portal.catalog.vocabulary.SlumLevel;
import org.kotaku.portal.catalog.vocabulary.Typology;

import static org.kotaku.portal.catalog.Field.code;
import static org.kotaku.portal.catalog.Field.coordinate;
import static org.kotaku.portal.catalog.Field.decimal;
import static org.kotaku.portal.catalog.Field.integer;
import static org.kotaku.portal.catalog.Field.text;

/**
 * Slum areas (kawasan kumuh) designated by decree, with their latest assessment: the
 * newest year, and within a year the latest kind (baseline, then SK, then R0, then
 * final).
 */
final class SlumAreas {

	/** The latest assessment of slum area {@code s}, as a lateral subquery. */
	static final String LATEST_ASSESSMENT = """
			select a.id, a.year, a.kind, a.regulation, a.total_score, a.level from assessment a
			where a.slum_area_id = s.id
			order by\s""" + Assessments.NEWEST_FIRST + " limit 1";

	private static final String FROM = """
			slum_area s
			join region r on r.code = s.regency_code
			left join lateral (%s) l on true""".formatted(LATEST_ASSESSMENT);

	private static final String POINT = "coalesce(s.centroid, ST_PointOnSurface(s.geom))";

	static final Dataset DATASET = new Dataset("slum-areas", "slum area", Text.of("Kawasan kumuh", "Slum areas"),
			Text.of("Kawasan permukiman kumuh yang ditetapkan dengan SK Bupati/Walikota, dengan tingkat kekumuhan "
					+ "penilaian terakhirnya.",
					"Slum areas (kawasan kumuh) designated by a decree of the Bupati/Walikota, with the level of their "
							+ "latest assessment."),
			"/api/v1/slum-areas", List.of("slum-areas", "assessments"), FROM, FROM, "s.id", "s.created_version",
			"coalesce(s.geom, s.centroid)", fields());

	private SlumAreas() {
	}

	private static List<Field> fields() {
		return List.of(text("id", "s.id", "Kode kawasan kumuh.", "Slum area id.").required().sortable(),
				text("name", "s.name", "Nama kawasan.", "Name of the slum area.").required().sortable(),
				text("regencyCode", "s.regency_code", "Kode kabupaten/kota yang SK-nya menetapkan kawasan ini.",
						"Kemendagri code of the regency/city whose decree designates it.")
					.required()
					.queryable(),
				text("regencyName", "r.name", "Nama kabupaten/kota.", "Regency/city name.").required(),
				text("decreeId", "s.decree_id", "SK kumuh yang menetapkannya.", "The decree (SK kumuh)."),
				decimal("areaHa", "s.area_ha", "ha", "Luas menurut SK, hektare.", "Area in the decree, hectares.")
					.required()
					.sortable(),
				code("typology", "s.typology", Typology.class, "Tipologi kawasan.", "Typology.").queryable(),
				code("legality", "s.legality", Legality.class, "Legalitas lahan.", "Legality of the land.").queryable(),
				integer("priority", "s.priority", "Prioritas penanganan 1-9 (1 tertinggi).",
						"Handling priority 1-9 (1 highest).")
					.queryable(),
				code("handling", "s.handling", Handling.class, "Pola penanganan.", "Handling pattern.").queryable(),
				code("scale", "s.scale", Scale.class, "Skala kawasan.", "Scale.").required().queryable(),
				text("villageCodes", "s.village_codes", "Desa/kelurahan yang dicakup (CSV: dipisah ;).",
						"Villages the area spans (CSV: joined with ;).")
					.list()
					.required(),
				integer("latestYear", "l.year", "Tahun penilaian terakhir.", "Year of the latest assessment."),
				code("latestKind", "l.kind", AssessmentKind.class, "Jenis penilaian terakhir.",
						"Kind of the latest assessment."),
				code("latestRegulation", "l.regulation", Regulation.class, "Peraturan penilaian terakhir.",
						"Regulation of the latest assessment."),
				integer("latestTotalScore", "l.total_score", "Skor total penilaian terakhir.",
						"Total score of the latest assessment."),
				code("latestLevel", "l.level", SlumLevel.class, "Tingkat kekumuhan penilaian terakhir.",
						"Level of the latest assessment."),
				coordinate("lon", POINT, "Bujur satu titik di dalam kawasan.", "Longitude of a point in the area."),
				coordinate("lat", POINT, "Lintang satu titik di dalam kawasan.", "Latitude of a point in the area."),
				Catalog.updatedVersion("s"));
	}

}
