package org.kotaku.portal.checks;

import java.util.List;
import java.util.Optional;

import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.catalog.Text;

/**
 * Every check of the reconciliation ledger, in published order (grouped by what they
 * reconcile).
 */
final class Checks {

	private static final String SCHEMA_ID = " Dijamin oleh skema basis data (constraint CHECK): pemeriksaan ini "
			+ "menunjukkan bahwa jaminan itu berlaku.";

	private static final String SCHEMA_EN = " Guaranteed by the schema (a CHECK constraint): the check shows that "
			+ "the guarantee holds.";

	private static final List<Check> ALL = List.of(
			check("allocation-activities-within-ceiling", Catalog.ALLOCATIONS,
					"Kegiatan tidak melebihi pagu alokasinya", "Activities within their allocation's ceiling",
					"Jumlah biaya BPM (costBpmIdr) kegiatan yang didanai suatu alokasi (allocationId) tidak melebihi "
							+ "pagu alokasi itu (ceilingIdr), kecuali alokasi ditandai overCeilingOk.",
					"The grant cost (costBpmIdr) of the activities an allocation funds (allocationId) adds up to at "
							+ "most its ceiling (ceilingIdr), unless the allocation is flagged overCeilingOk."),
			check("activity-cost-split", Catalog.ACTIVITIES, "Anggaran kegiatan = jumlah rincian biayanya",
					"Activity budget = sum of its cost split",
					"budgetIdr sama dengan costBpmIdr + costApbdIdr + costCsrIdr + costSwadayaIdr + costOtherIdr."
							+ SCHEMA_ID,
					"budgetIdr equals costBpmIdr + costApbdIdr + costCsrIdr + costSwadayaIdr + costOtherIdr."
							+ SCHEMA_EN),
			check("allocation-disbursed-within-ceiling", Catalog.ALLOCATIONS, "Penyaluran tidak melebihi pagu",
					"Disbursed within the ceiling",
					"Jumlah termin yang sudah disalurkan (dataset disbursements, status disbursed) tidak melebihi pagu "
							+ "alokasi, kecuali alokasi ditandai overCeilingOk.",
					"The disbursed tranches (disbursements dataset, status disbursed) add up to at most the "
							+ "allocation's ceiling, unless the allocation is flagged overCeilingOk."),
			check("activity-disbursed-within-budget", Catalog.ACTIVITIES, "Penyaluran kegiatan tidak melebihi anggaran",
					"Activity disbursed within its budget",
					"disbursedIdr tidak melebihi budgetIdr. Penerimaan data mengizinkannya dengan overBudgetOk, tetapi "
							+ "tanda itu tidak disimpan: setiap kegiatan seperti itu terlihat di sini.",
					"disbursedIdr is at most budgetIdr. Ingestion accepts more with overBudgetOk, but that flag is not "
							+ "stored: every such activity shows here."),
			check("activity-progress-status", Catalog.ACTIVITIES, "Kemajuan fisik sesuai status",
					"Physical progress consistent with status",
					"Kegiatan selesai (completed) pada 100 % (dijamin oleh skema), kegiatan direncanakan (planned) pada "
							+ "0 %; berjalan (ongoing) dan batal (cancelled) boleh berapa saja.",
					"A completed activity is at 100 % (guaranteed by the schema), a planned one at 0 %; ongoing and "
							+ "cancelled ones may be anywhere."),
			check("assessment-total-score", Catalog.ASSESSMENTS, "Total skor = jumlah skor kriteria",
					"Total score = sum of the criterion scores",
					"totalScore penilaian yang tersimpan sama dengan jumlah skor kriterianya (dataset assessment-scores).",
					"An assessment's stored totalScore equals the sum of its criterion scores (assessment-scores "
							+ "dataset)."),
			check("assessment-level", Catalog.ASSESSMENTS, "Tingkat kekumuhan sesuai pita skor",
					"Level from the level bands",
					"Tingkat (level) yang tersimpan adalah pita tingkat regulasinya yang memuat jumlah skor kriteria "
							+ "(14/2018: 16-37 ringan, 38-59 sedang, 60-80 berat).",
					"The stored level is the level band of the assessment's regulation that holds the sum of its "
							+ "criterion scores (14/2018: 16-37 light, 38-59 medium, 60-80 heavy)."),
			check("assessment-criterion-scores", Catalog.ASSESSMENT_SCORES, "Skor kriteria sesuai persentasenya",
					"Criterion scores from their percentages",
					"Skor setiap kriteria (0, 1, 3, 5) adalah pita skor regulasi untuk persentasenya.",
					"Each criterion's score (0, 1, 3, 5) is its regulation's score band for its percentage."),
			check("activity-in-regency", Catalog.ACTIVITIES, "Lokasi kegiatan di dalam kabupaten/kotanya",
					"Activity location inside its regency",
					"Titik lokasi kegiatan berada di dalam batas kabupaten/kotanya, bila batas itu ada.",
					"The activity's location point lies inside its regency's boundary, where the regency has one."),
			check("activity-in-village", Catalog.ACTIVITIES, "Lokasi kegiatan di dalam desa/kelurahannya",
					"Activity location inside its village",
					"Titik lokasi kegiatan berada di dalam batas desa/kelurahannya, bila batas itu ada.",
					"The activity's location point lies inside its village's boundary, where the village has one."),
			check("access-percentages-in-range", Catalog.ACCESS_INDICATORS, "Persentase akses antara 0 dan 100",
					"Access percentages within 0-100",
					"safeWaterPct, sanitationPct dan wasteServicePct antara 0 dan 100." + SCHEMA_ID,
					"safeWaterPct, sanitationPct and wasteServicePct lie within 0-100." + SCHEMA_EN),
			check("activity-progress-in-range", Catalog.ACTIVITIES, "Kemajuan fisik antara 0 dan 100",
					"Physical progress within 0-100", "physicalProgress antara 0 dan 100." + SCHEMA_ID,
					"physicalProgress lies within 0-100." + SCHEMA_EN),
			check("assessment-percentages-in-range", Catalog.ASSESSMENT_SCORES, "Persentase kriteria antara 0 dan 100",
					"Criterion percentages within 0-100",
					"Persentase setiap kriteria penilaian antara 0 dan 100." + SCHEMA_ID,
					"Each assessment criterion's percentage lies within 0-100." + SCHEMA_EN));

	private Checks() {
	}

	static List<Check> all() {
		return ALL;
	}

	static Optional<Check> find(String id) {
		return ALL.stream().filter((c) -> c.id().equals(id)).findFirst();
	}

	private static Check check(String id, Dataset dataset, String titleId, String titleEn, String descriptionId,
			String descriptionEn) {
		return new Check(id, dataset, Text.of(titleId, titleEn), Text.of(descriptionId, descriptionEn));
	}

}
