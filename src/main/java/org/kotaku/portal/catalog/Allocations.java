package org.kotaku.portal.catalog;

import java.util.List;

import org.kotaku.portal.catalog.vocabulary.FundingSource;
import org.kotaku.portal.catalog.vocabulary.Program;

import static org.kotaku.portal.catalog.Field.code;
import static org.kotaku.portal.catalog.Field.coordinate;
import static org.kotaku.portal.catalog.Field.date;
import static org.kotaku.portal.catalog.Field.integer;
import static org.kotaku.portal.catalog.Field.money;
import static org.kotaku.portal.catalog.Field.text;

/**
 * Allocations: a grant or budget line for a village and fiscal year, with the sums of its
 * disbursement tranches (each tranche is a record of {@code disbursements}).
 */
final class Allocations {

	private static final String TRANCHES = """
			select count(*) as tranches,
			       coalesce(sum(t.amount_idr) filter (where t.status = 'disbursed'), 0) as disbursed_idr,
			       max(t.disbursed_on) as last_disbursed_on
			from disbursement t where t.allocation_id = l.id""";

	static final Dataset DATASET = new Dataset("allocations", "allocation", Text.of("Alokasi dana", "Allocations"),
			Text.of("Hibah BPM dan pos anggaran lain per desa/kelurahan dan tahun anggaran: program, sumber dana, pagu "
					+ "dan jumlah yang sudah disalurkan dalam termin.",
					"BPM grants and other budget lines per village and fiscal year: program, funding source, ceiling "
							+ "and what its tranches have disbursed."),
			"/api/v1/allocations", List.of("allocations"), """
					allocation l
					join region v on v.code = l.village_code
					left join lateral (%s) t on true""".formatted(TRANCHES), "allocation l", "l.id",
			"l.created_version", "v.label_point", fields());

	private Allocations() {
	}

	private static List<Field> fields() {
		return List.of(text("id", "l.id", "Kode alokasi.", "Allocation id.").required().sortable(),
				text("villageCode", "l.village_code", "Kode Kemendagri desa/kelurahan.",
						"Kemendagri code of the village.")
					.required()
					.queryable(),
				text("villageName", "v.name", "Nama desa/kelurahan.", "Village name.").required(),
				text("regencyCode", "left(l.village_code, 5)", "Kode kabupaten/kota.", "Regency/city code.").required()
					.queryable(),
				integer("fiscalYear", "l.fiscal_year", "Tahun anggaran.", "Fiscal year.").required()
					.queryable()
					.sortable(),
				code("program", "l.program", Program.class, "Jenis program.", "Program kind.").required().queryable(),
				code("source", "l.source", FundingSource.class, "Sumber dana.", "Funding source.").required()
					.queryable(),
				money("ceilingIdr", "l.ceiling_idr", "Pagu, rupiah utuh.", "Ceiling, whole rupiah.").required()
					.sortable(),
				Field
					.of("overCeilingOk", FieldType.BOOLEAN, "l.over_ceiling_ok",
							"true jika penyaluran di atas pagu disetujui.",
							"true when disbursing above the ceiling is approved.")
					.required(),
				integer("trancheCount", "t.tranches", "Jumlah termin.", "Number of tranches.").required(),
				money("disbursedIdr", "t.disbursed_idr", "Jumlah termin yang sudah disalurkan, rupiah utuh.",
						"Sum of the disbursed tranches, whole rupiah.")
					.required()
					.sortable(),
				date("lastDisbursedOn", "t.last_disbursed_on", "Tanggal penyaluran terakhir.",
						"Date of the last disbursement."),
				coordinate("lon", "v.label_point", "Bujur titik label desa.",
						"Longitude of the village's label point."),
				coordinate("lat", "v.label_point", "Lintang titik label desa.",
						"Latitude of the village's label point."),
				Catalog.updatedVersion("l"));
	}

}
