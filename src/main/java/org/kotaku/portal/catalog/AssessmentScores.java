package org.kotaku.portal.catalog;

import java.util.List;

import org.kotaku.portal.catalog.vocabulary.Regulation;

import static org.kotaku.portal.catalog.Field.code;
import static org.kotaku.portal.catalog.Field.decimal;
import static org.kotaku.portal.catalog.Field.integer;
import static org.kotaku.portal.catalog.Field.text;

/**
 * The per-criterion volumes, percentages and scores of every assessment, with the
 * criterion they belong to.
 */
final class AssessmentScores {

	static final Dataset DATASET = new Dataset("assessment-scores", "assessment score",
			Text.of("Skor kriteria penilaian", "Assessment criterion scores"),
			Text.of("Untuk setiap penilaian dan kriteria: volume yang tidak memenuhi, persentasenya terhadap pembagi, "
					+ "dan skornya (0, 1, 3 atau 5).",
					"For every assessment and criterion: the volume that fails the criterion, its percentage of the "
							+ "denominator, and its score (0, 1, 3 or 5)."),
			"/api/v1/assessment-scores", List.of("assessments"), """
					assessment_score c
					join assessment a on a.id = c.assessment_id
					join criterion k on k.regulation = c.regulation and k.code = c.criterion""", """
					assessment_score c
					join assessment a on a.id = c.assessment_id""", "c.assessment_id || '/' || c.criterion",
			"a.created_version", null, fields());

	private AssessmentScores() {
	}

	private static List<Field> fields() {
		return List.of(
				text("id", "c.assessment_id || '/' || c.criterion", "Kode penilaian / kode kriteria.",
						"Assessment id / criterion code.")
					.required()
					.sortable(),
				text("assessmentId", "c.assessment_id", "Penilaian.", "The assessment.").required().queryable(),
				code("regulation", "c.regulation", Regulation.class, "Peraturan kriteria.",
						"Regulation of the criterion.")
					.required(),
				text("criterion", "c.criterion", "Kode kriteria (mis. 4b).", "Criterion code (e.g. 4b).").required()
					.queryable(),
				integer("aspect", "k.aspect", "Aspek 1-7 kriteria.", "Aspect 1-7 of the criterion.").required(),
				text("aspectName", "k.aspect_name", "Nama aspek kriteria.", "Name of the criterion's aspect.")
					.required(),
				text("criterionName", "k.name", "Nama kriteria.", "Criterion name.").required(),
				text("unit", "k.unit", "Satuan volume (unit, ha, m, kk).", "Unit of the volume (unit, ha, m, kk).")
					.required(),
				text("denominator", "k.denominator",
						"Pembagi persentase: kolom penilaian (buildings, area_ha, road_length_m, drain_length_m, households).",
						"Denominator of the percentage: a field of the assessment (buildings, area_ha, road_length_m, "
								+ "drain_length_m, households).")
					.required(),
				decimal("volume", "c.volume", null, "Volume yang tidak memenuhi kriteria, dalam unit.",
						"Volume that fails the criterion, in unit.")
					.required(),
				decimal("percentage", "c.percentage", "%", "Volume / pembagi x 100.", "Volume / denominator x 100.")
					.required(),
				integer("score", "c.score", "Skor kriteria: 0, 1, 3 atau 5.", "Criterion score: 0, 1, 3 or 5.")
					.required(),
				Catalog.updatedVersion("a"));
	}

}
