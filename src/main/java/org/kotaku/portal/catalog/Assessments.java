package org.kotaku.portal.catalog;

import java.util.List;

import org.kotaku.portal.catalog.vocabulary.AssessmentKind;
import org.kotaku.portal.catalog.vocabulary.Regulation;
import org.kotaku.portal.catalog.vocabulary.SlumLevel;

import static org.kotaku.portal.catalog.Field.code;
import static org.kotaku.portal.catalog.Field.decimal;
import static org.kotaku.portal.catalog.Field.integer;
import static org.kotaku.portal.catalog.Field.text;

/**
 * Assessments of slum areas: per slum area, year and kind, the denominators, the total
 * score and level the portal computed from the criterion scores
 * ({@code assessment-scores}) under the assessment's regulation.
 */
final class Assessments {

	/**
	 * The order of a slum area's assessments, newest first: by year, and within a year
	 * final, R0, SK, baseline.
	 */
	static final String NEWEST_FIRST = "a.year desc, array_position(array['baseline', 'sk', 'r0', 'final'], a.kind) desc";

	private static final String FROM = """
			assessment a
			join slum_area s on s.id = a.slum_area_id""";

	static final Dataset DATASET = new Dataset("assessments", "assessment",
			Text.of("Penilaian kekumuhan", "Slum assessments"),
			Text.of("Penilaian kawasan kumuh per tahun dan jenis (data awal, SK, R0, akhir): pembagi, skor total dan "
					+ "tingkat kekumuhan yang dihitung portal dari skor kriteria.",
					"Assessments of slum areas per year and kind (baseline, decree, R0, final): denominators, and the "
							+ "total score and level the portal computes from the criterion scores."),
			"/api/v1/assessments", List.of("assessments"), FROM, FROM, "a.id", "a.created_version", null, fields());

	private Assessments() {
	}

	private static List<Field> fields() {
		return List.of(text("id", "a.id", "Kode penilaian.", "Assessment id.").required().sortable(),
				text("slumAreaId", "a.slum_area_id", "Kawasan kumuh yang dinilai.", "The slum area assessed.")
					.required()
					.queryable(),
				text("regencyCode", "s.regency_code", "Kode kabupaten/kota kawasan.",
						"Kemendagri code of the slum area's regency/city.")
					.required()
					.queryable(),
				integer("year", "a.year", "Tahun penilaian.", "Year of the assessment.").required()
					.queryable()
					.sortable(),
				code("kind", "a.kind", AssessmentKind.class, "Jenis penilaian.", "Kind of assessment.").required()
					.queryable(),
				code("regulation", "a.regulation", Regulation.class, "Peraturan yang dipakai untuk menilai.",
						"Regulation the assessment is scored under.")
					.required()
					.queryable(),
				decimal("areaHa", "a.area_ha", "ha", "Luas yang dinilai, hektare.", "Area assessed, hectares.")
					.required(),
				integer("buildings", "a.buildings", "Jumlah bangunan (pembagi kriteria bangunan).",
						"Buildings (denominator of the building criteria).")
					.unit("building")
					.required(),
				integer("households", "a.households", "Jumlah kepala keluarga (pembagi).", "Households (denominator).")
					.unit("household")
					.required(),
				integer("people", "a.people", "Jumlah jiwa.", "People.").unit("person"),
				decimal("roadLengthM", "a.road_length_m", "m", "Panjang jalan lingkungan (pembagi), meter.",
						"Length of neighbourhood roads (denominator), metres."),
				decimal("drainLengthM", "a.drain_length_m", "m", "Panjang saluran drainase (pembagi), meter.",
						"Length of drains (denominator), metres."),
				integer("totalScore", "a.total_score", "Jumlah skor kriteria.", "Sum of the criterion scores.")
					.required()
					.sortable(),
				code("level", "a.level", SlumLevel.class, "Tingkat kekumuhan dari skor total.",
						"Slum level given by the total score.")
					.required()
					.queryable(),
				decimal("meanPct", "a.mean_pct", "%", "Rata-rata persentase kriteria.",
						"Mean of the criterion percentages.")
					.required(),
				Catalog.updatedVersion("a"));
	}

}
