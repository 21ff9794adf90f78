package org.kotaku.portal.activity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.kotaku.portal.dataversion.DataVersion;
import org.kotaku.portal.dataversion.DataVersions;
import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.catalog.Text;
import org.kotaku.portal.listing.Records;
import org.kotaku.portal.recordpage.Cell;
import org.kotaku.portal.recordpage.Figure;
import org.kotaku.portal.recordpage.RecordFormat;
import org.kotaku.portal.recordpage.RecordIds;
import org.kotaku.portal.recordpage.RecordPages;
import org.kotaku.portal.recordpage.RecordView;
import org.kotaku.portal.web.SiteRecordPage;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;

import static org.kotaku.portal.recordpage.RecordFormat.figure;

/**
 * The page of one activity, {@code /kegiatan/{id}}: what it is, where, its money and
 * progress, its cost by source, beneficiaries and padat karya labour, the records it
 * belongs to, and its answer in the API; read from PostGIS (the published fields of
 * {@code /api/v1/activities/{id}}).
 */
@Component
class ActivityPage implements SiteRecordPage {

	static final String PREFIX = "/kegiatan/";

	static final Text KIND = Text.of("Kegiatan", "Activity");

	private static final Dataset ACTIVITIES = Catalog.ACTIVITIES;

	private final Records records;

	private final DataVersions versions;

	private final RecordPages pages;

	ActivityPage(Records records, DataVersions versions, RecordPages pages) {
		this.records = records;
		this.versions = versions;
		this.pages = pages;
	}

	@Override
	public String pattern() {
		return PREFIX + "{id}";
	}

	@Override
	public Mono<Found> find(ServerRequest request) {
		String id = RecordIds.of(request, ACTIVITIES);
		return this.versions.of(request).zipWith(this.records.record(ACTIVITIES, id), this::found);
	}

	private Found found(DataVersion version, Map<String, Object> activity) {
		return new Found(version, () -> this.pages.render(view(activity), version));
	}

	static RecordView view(Map<String, Object> a) {
		String id = (String) a.get("id");
		RecordView view = RecordView.of(ACTIVITIES, id, PREFIX, (String) a.get("name"), KIND)
			.description(description(a))
			.within((String) a.get("regencyCode"), (String) a.get("regencyName"))
			.within((String) a.get("villageCode"), (String) a.get("villageName"))
			.at(a.get("lon"), a.get("lat"))
			.during(String.valueOf(a.get("fiscalYear")));
		for (String field : List.of("type", "status", "fiscalYear", "budgetIdr", "disbursedIdr", "physicalProgress")) {
			view.figure(figure(ACTIVITIES, a, field, Labels.of(field)));
		}
		view.figure(output(a));
		view.figure(figure(ACTIVITIES, a, "startDate", Labels.of("startDate")))
			.figure(figure(ACTIVITIES, a, "endDate", Labels.of("endDate")));
		view.table("biaya", Text.of("Sumber anggaran", "Budget by source"), Labels.AMOUNT_COLUMNS,
				rows(a, Labels.COSTS));
		view.table("manfaat", Text.of("Penerima manfaat dan padat karya", "Beneficiaries and padat karya labour"),
				Labels.AMOUNT_COLUMNS, rows(a, Labels.PEOPLE));
		return view.list("terkait", Text.of("Terkait", "Related"), related(a)).itemDownloads();
	}

	/**
	 * One sentence for search engines and link previews: type, year, place, money,
	 * progress, status.
	 */
	static String description(Map<String, Object> a) {
		String type = RecordFormat.label(ACTIVITIES.field("type").orElseThrow(), (String) a.get("type"))
			.map(Text::id)
			.orElse((String) a.get("type"));
		String status = RecordFormat.label(ACTIVITIES.field("status").orElseThrow(), (String) a.get("status"))
			.map(Text::id)
			.orElse((String) a.get("status"));
		return type + ", TA " + a.get("fiscalYear") + ", " + a.get("villageName") + ", " + a.get("regencyName")
				+ ": anggaran " + RecordFormat.idr((Long) a.get("budgetIdr")) + ", tersalurkan "
				+ RecordFormat.idr((Long) a.get("disbursedIdr")) + ", kemajuan fisik "
				+ RecordFormat.decimal((BigDecimal) a.get("physicalProgress"), "%") + ", status " + status.toLowerCase()
				+ ".";
	}

	/** The output with its unit ({@code 36 m}). */
	private static Figure output(Map<String, Object> a) {
		Object volume = a.get("outputVolume");
		String text = volume == null ? RecordFormat.NO_DATA : RecordFormat.decimal((BigDecimal) volume, null)
				+ (a.get("outputUnit") == null ? "" : " " + a.get("outputUnit"));
		return new Figure(Labels.of("outputVolume"), "outputVolume", volume, text, (String) a.get("outputUnit"));
	}

	private static List<List<Cell>> rows(Map<String, Object> a, List<String> fields) {
		List<List<Cell>> rows = new ArrayList<>();
		for (String field : fields) {
			Figure figure = figure(ACTIVITIES, a, field, Labels.of(field));
			rows.add(List.of(Cell.text(RecordFormat.both(figure.label())), Cell.text(figure.text())));
		}
		return rows;
	}

	private static List<Cell> related(Map<String, Object> a) {
		List<Cell> related = new ArrayList<>();
		related.add(Cell.link("Profil kelurahan/desa / Village profile: " + a.get("villageName"),
				"/wilayah/" + a.get("villageCode")));
		related.add(Cell.link("Profil kabupaten/kota / Regency profile: " + a.get("regencyName"),
				"/wilayah/" + a.get("regencyCode")));
		if (a.get("slumAreaId") instanceof String area) {
			related.add(Cell.link("Kawasan kumuh / Slum area " + area, "/kawasan/" + RecordView.segment(area)));
		}
		if (a.get("allocationId") instanceof String allocation) {
			related.add(Cell.link("Alokasi dana / Allocation " + allocation,
					Catalog.ALLOCATIONS.apiPath() + "/" + RecordView.segment(allocation)));
		}
		return related;
	}

	/** The labels of an activity's figures, in both languages. */
	static final class Labels {

		static final List<Text> AMOUNT_COLUMNS = List.of(Text.of("Rincian", "Item"), Text.of("Jumlah", "Amount"));

		static final List<String> COSTS = List.of("costBpmIdr", "costApbdIdr", "costCsrIdr", "costSwadayaIdr",
				"costOtherIdr");

		static final List<String> PEOPLE = List.of("beneficiaryHouseholds", "beneficiaryPeople", "beneficiaryWomen",
				"beneficiaryLowIncome", "labourWorkers", "labourWomen", "labourPersonDays", "labourDailyWageIdr",
				"labourWagesIdr");

		private static final Map<String, Text> LABELS = Map.ofEntries(Map.entry("type", Text.of("Jenis", "Type")),
				Map.entry("status", Text.of("Status", "Status")),
				Map.entry("fiscalYear", Text.of("Tahun anggaran", "Fiscal year")),
				Map.entry("budgetIdr", Text.of("Anggaran", "Budget")),
				Map.entry("disbursedIdr", Text.of("Tersalurkan", "Disbursed")),
				Map.entry("physicalProgress", Text.of("Kemajuan fisik", "Physical progress")),
				Map.entry("outputVolume", Text.of("Keluaran", "Output")),
				Map.entry("startDate", Text.of("Mulai", "Start")), Map.entry("endDate", Text.of("Selesai", "End")),
				Map.entry("costBpmIdr", Text.of("Hibah BPM", "BPM grant")),
				Map.entry("costApbdIdr", Text.of("APBD", "Local budget (APBD)")),
				Map.entry("costCsrIdr", Text.of("CSR", "CSR partners")),
				Map.entry("costSwadayaIdr", Text.of("Swadaya masyarakat", "Community contribution")),
				Map.entry("costOtherIdr", Text.of("Sumber lain", "Other sources")),
				Map.entry("beneficiaryHouseholds", Text.of("Rumah tangga penerima manfaat", "Households that benefit")),
				Map.entry("beneficiaryPeople", Text.of("Jiwa penerima manfaat", "People who benefit")),
				Map.entry("beneficiaryWomen", Text.of("Perempuan penerima manfaat", "Women among them")),
				Map.entry("beneficiaryLowIncome", Text.of("Rumah tangga MBR", "Low-income households")),
				Map.entry("labourWorkers", Text.of("Pekerja padat karya", "Padat karya workers")),
				Map.entry("labourWomen", Text.of("Pekerja perempuan", "Women workers")),
				Map.entry("labourPersonDays", Text.of("Hari orang kerja (HOK)", "Person-days")),
				Map.entry("labourDailyWageIdr", Text.of("Upah harian", "Daily wage")),
				Map.entry("labourWagesIdr", Text.of("Total upah", "Wages paid")));

		private Labels() {
		}

		static Text of(String field) {
			return LABELS.get(field);
		}

	}

}
