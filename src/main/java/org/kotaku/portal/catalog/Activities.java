package org.kotaku.portal.catalog;

import java.util.List;

import org.kotaku.portal.catalog.vocabulary.ActivityStatus;
import org.kotaku.portal.catalog.vocabulary.ActivityType;
import org.kotaku.portal.catalog.vocabulary.OutputUnit;

import static org.kotaku.portal.catalog.Field.code;
import static org.kotaku.portal.catalog.Field.coordinate;
import static org.kotaku.portal.catalog.Field.date;
import static org.kotaku.portal.catalog.Field.decimal;
import static org.kotaku.portal.catalog.Field.integer;
import static org.kotaku.portal.catalog.Field.money;
import static org.kotaku.portal.catalog.Field.text;

/**
 * Activities (kegiatan): one piece of work in one village. The village and regency names
 * are joined from the region table; the regency code is the first two parts of the
 * village code.
 */
final class Activities {

	static final Dataset DATASET = new Dataset("activities", "activity", Text.of("Kegiatan", "Activities"), Text
		.of("Pekerjaan infrastruktur dan nonfisik di kelurahan program: jenis, tahun anggaran, anggaran dan "
				+ "sumbernya, kemajuan, keluaran, penerima manfaat dan tenaga kerja padat karya, di titik lokasinya.",
				"Works in program villages: type, fiscal year, budget and its sources, progress, outputs, "
						+ "beneficiaries and padat karya labour, at their location point."),
			"/api/v1/activities", List.of("activities"), """
					activity a
					join region v on v.code = a.village_code
					left join region r on r.code = left(a.village_code, 5)""", "activity a", "a.id",
			"a.created_version", "a.location", fields());

	private Activities() {
	}

	private static List<Field> fields() {
		return List.of(text("id", "a.id", "Kode kegiatan.", "Activity id.").required().sortable(),
				text("name", "a.name", "Nama pekerjaan, seperti dilaporkan.", "Name of the work, as reported.")
					.required()
					.sortable(),
				code("type", "a.type", ActivityType.class, "Jenis kegiatan.", "Activity type.").required().queryable(),
				code("status", "a.status", ActivityStatus.class, "Status kegiatan.", "Where the activity stands.")
					.required()
					.queryable(),
				integer("fiscalYear", "a.fiscal_year", "Tahun anggaran (TA).", "Fiscal year (TA).").required()
					.queryable()
					.sortable(),
				text("villageCode", "a.village_code", "Kode Kemendagri desa/kelurahan, bertitik.",
						"Kemendagri code of the village (desa/kelurahan), dotted.")
					.required()
					.queryable(),
				text("villageName", "v.name", "Nama desa/kelurahan.", "Village name.").required(),
				text("regencyCode", "left(a.village_code, 5)", "Kode Kemendagri kabupaten/kota, bertitik.",
						"Kemendagri code of the regency/city, dotted.")
					.required(),
				text("regencyName", "r.name", "Nama kabupaten/kota.", "Regency/city name."),
				text("slumAreaId", "a.slum_area_id", "Kawasan kumuh tempat kegiatan, jika ada.",
						"Slum area the activity works in, if any.")
					.queryable(),
				text("allocationId", "a.allocation_id",
						"Alokasi dana (BPM atau pos anggaran) yang membiayainya, jika " + "diketahui.",
						"Grant or budget line that funds it, if known.")
					.queryable(),
				decimal("physicalProgress", "a.physical_progress", "%", "Kemajuan fisik, persen 0-100.",
						"Physical progress, percent 0-100.")
					.required()
					.sortable(),
				decimal("outputVolume", "a.output_volume", null, "Volume keluaran, dalam outputUnit.",
						"Output volume, in outputUnit."),
				code("outputUnit", "a.output_unit", OutputUnit.class, "Satuan keluaran.", "Unit of the output."),
				date("startDate", "a.start_date", "Tanggal mulai.", "Start date."),
				date("endDate", "a.end_date", "Tanggal selesai.", "End date."),
				money("budgetIdr", "a.budget_idr", "Anggaran, rupiah utuh; jumlah kelima rincian biaya.",
						"Budget, whole rupiah; the sum of the five cost fields.")
					.required()
					.sortable(),
				money("disbursedIdr", "a.disbursed_idr", "Dana yang sudah disalurkan, rupiah utuh.",
						"Disbursed so far, whole rupiah.")
					.required()
					.sortable(),
				money("costBpmIdr", "a.cost_bpm_idr", "Bagian anggaran dari hibah BPM.",
						"Part of the budget from the BPM grant.")
					.required(),
				money("costApbdIdr", "a.cost_apbd_idr", "Bagian dari APBD.", "Part from the local budget (APBD).")
					.required(),
				money("costCsrIdr", "a.cost_csr_idr", "Bagian dari mitra CSR.", "Part from CSR partners.").required(),
				money("costSwadayaIdr", "a.cost_swadaya_idr", "Swadaya masyarakat.",
						"Community contribution (swadaya).")
					.required(),
				money("costOtherIdr", "a.cost_other_idr", "Bagian dari sumber lain atau yang tidak dilaporkan.",
						"Part from other or unreported sources.")
					.required(),
				integer("beneficiaryHouseholds", "a.beneficiary_households", "Rumah tangga penerima manfaat.",
						"Households that benefit.")
					.unit("household"),
				integer("beneficiaryPeople", "a.beneficiary_people", "Jiwa penerima manfaat.", "People who benefit.")
					.unit("person"),
				integer("beneficiaryWomen", "a.beneficiary_women", "Perempuan di antara penerima manfaat.",
						"Women among them.")
					.unit("person"),
				integer("beneficiaryLowIncome", "a.beneficiary_low_income",
						"Rumah tangga MBR di antara penerima manfaat.", "Low-income (MBR) households among them.")
					.unit("household"),
				integer("labourWorkers", "a.labour_workers", "Pekerja padat karya.", "Padat karya workers.")
					.unit("person"),
				integer("labourWomen", "a.labour_women", "Perempuan di antara pekerja.", "Women among the workers.")
					.unit("person"),
				integer("labourPersonDays", "a.labour_person_days", "Hari orang kerja (HOK).", "Person-days worked.")
					.unit("person-day"),
				money("labourDailyWageIdr", "a.labour_daily_wage_idr", "Upah harian.", "Daily wage."),
				money("labourWagesIdr", "a.labour_wages_idr", "Total upah yang dibayarkan.", "Wages paid in total."),
				coordinate("lon", "a.location", "Bujur lokasi, derajat EPSG:4326.",
						"Longitude of the location, EPSG:4326 degrees."),
				coordinate("lat", "a.location", "Lintang lokasi, derajat EPSG:4326.",
						"Latitude of the location, EPSG:4326 degrees."),
				Catalog.updatedVersion("a"));
	}

}
