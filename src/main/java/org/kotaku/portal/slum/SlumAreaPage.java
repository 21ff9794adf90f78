package org.kotaku.portal.slum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.kotaku.portal.dataversion.DataVersion;
import org.kotaku.portal.dataversion.DataVersions;
import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.catalog.Text;
import org.kotaku.portal.listing.Records;
import org.kotaku.portal.readmodel.ReadModel;
import org.kotaku.portal.readmodel.RegionEntry;
import org.kotaku.portal.readmodel.Snapshot;
import org.kotaku.portal.recordpage.Cell;
import org.kotaku.portal.recordpage.RecordFormat;
import org.kotaku.portal.recordpage.RecordIds;
import org.kotaku.portal.recordpage.RecordPages;
import org.kotaku.portal.recordpage.RecordView;
import org.kotaku.portal.web.SiteRecordPage;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;

import static org.kotaku.portal.recordpage.RecordFormat.figure;

/**
 * The page of one slum area, {@code /kawasan/{id}}: its level, score and area, its
 * typology and handling, the villages it spans, the decree that designates it and its
 * assessment history (what {@code /api/v1/slum-areas/{id}} shows), read from PostGIS;
 * village names come from the read model.
 */
@Component
class SlumAreaPage implements SiteRecordPage {

	static final String PREFIX = "/kawasan/";

	static final Text KIND = Text.of("Kawasan kumuh", "Slum area");

	private static final Dataset AREAS = Catalog.SLUM_AREAS;

	private static final List<String> FIGURES = List.of("latestLevel", "latestTotalScore", "latestYear", "latestKind",
			"latestRegulation", "areaHa", "typology", "legality", "priority", "handling", "scale");

	private static final Map<String, Text> LABELS = Map.ofEntries(
			Map.entry("latestLevel", Text.of("Tingkat kekumuhan", "Slum level")),
			Map.entry("latestTotalScore", Text.of("Skor total", "Total score")),
			Map.entry("latestYear", Text.of("Tahun penilaian", "Year assessed")),
			Map.entry("latestKind", Text.of("Jenis penilaian", "Kind of assessment")),
			Map.entry("latestRegulation", Text.of("Peraturan", "Regulation")),
			Map.entry("areaHa", Text.of("Luas menurut SK", "Area in the decree")),
			Map.entry("typology", Text.of("Tipologi", "Typology")),
			Map.entry("legality", Text.of("Legalitas lahan", "Land legality")),
			Map.entry("priority", Text.of("Prioritas (1 tertinggi)", "Priority (1 highest)")),
			Map.entry("handling", Text.of("Pola penanganan", "Handling")),
			Map.entry("scale", Text.of("Skala", "Scale")));

	private static final List<Text> HISTORY = List.of(Text.of("Tahun", "Year"), Text.of("Jenis", "Kind"),
			Text.of("Peraturan", "Regulation"), Text.of("Skor total", "Total score"), Text.of("Tingkat", "Level"),
			Text.of("Luas dinilai", "Area assessed"), Text.of("Kepala keluarga", "Households"));

	private final Records datasetRecords;

	private final SlumAreaRecords records;

	private final ReadModel readModel;

	private final DataVersions versions;

	private final RecordPages pages;

	SlumAreaPage(Records datasetRecords, SlumAreaRecords records, ReadModel readModel, DataVersions versions,
			RecordPages pages) {
		this.datasetRecords = datasetRecords;
		this.records = records;
		this.readModel = readModel;
		this.versions = versions;
		this.pages = pages;
	}

	@Override
	public String pattern() {
		return PREFIX + "{id}";
	}

	@Override
	public Mono<Found> find(ServerRequest request) {
		String id = RecordIds.of(request, AREAS);
		return Mono.zip(this.versions.of(request), this.datasetRecords.record(AREAS, id), this.records.of(id))
			.map((read) -> found(read.getT1(), read.getT2(), read.getT3()));
	}

	private Found found(DataVersion version, Map<String, Object> area, SlumAreaRecords.Related related) {
		return new Found(version, () -> this.pages.render(view(area, related, this.readModel.snapshot()), version));
	}

	static RecordView view(Map<String, Object> s, SlumAreaRecords.Related related, Optional<Snapshot> snapshot) {
		String regency = (String) s.get("regencyCode");
		RecordView view = RecordView.of(AREAS, (String) s.get("id"), PREFIX, (String) s.get("name"), KIND)
			.description(description(s, related))
			.within(regency.substring(0, 2), name(snapshot, regency.substring(0, 2)))
			.within(regency, (String) s.get("regencyName"))
			.at(s.get("lon"), s.get("lat"));
		period(related.assessments()).ifPresent(view::during);
		FIGURES.forEach((field) -> view.figure(figure(AREAS, s, field, LABELS.get(field))));
		view.list("wilayah", Text.of("Kelurahan/desa yang dicakup", "Villages it spans"), villages(s, snapshot));
		if (related.decree() != null) {
			view.list("sk", Text.of("SK kumuh", "Slum decree"), List.of(decree(related.decree())));
		}
		view.table("penilaian", Text.of("Riwayat penilaian", "Assessment history"), HISTORY,
				related.assessments().stream().map(SlumAreaPage::assessment).toList());
		String item = AREAS.apiPath() + "/" + RecordView.segment((String) s.get("id"));
		return view.list("penjelasan", Text.of("Mengapa tingkat ini?", "Why this level?"), List.of(Cell
			.link("Penjelasan skor per kriteria / The score criterion by criterion (JSON)", item + "?explain=true")))
			.itemDownloads();
	}

	static String description(Map<String, Object> s, SlumAreaRecords.Related related) {
		String level = Optional.ofNullable((String) s.get("latestLevel"))
			.flatMap((code) -> RecordFormat.label(AREAS.field("latestLevel").orElseThrow(), code))
			.map((label) -> "tingkat " + label.id().toLowerCase() + " (skor " + s.get("latestTotalScore")
					+ ", penilaian " + s.get("latestYear") + ")")
			.orElse("belum dinilai");
		String decree = related.decree() == null ? "" : "; SK " + related.decree().get("number");
		return "Kawasan kumuh di " + s.get("regencyName") + ", "
				+ RecordFormat.decimal((BigDecimal) s.get("areaHa"), "ha") + ", " + level + decree + ".";
	}

	/**
	 * The years the assessments cover, {@code first/last} (one year alone when they are
	 * the same).
	 */
	private static Optional<String> period(List<Map<String, Object>> assessments) {
		if (assessments.isEmpty()) {
			return Optional.empty();
		}
		Object last = assessments.get(0).get("year");
		Object first = assessments.get(assessments.size() - 1).get("year");
		return Optional.of(first.equals(last) ? String.valueOf(last) : first + "/" + last);
	}

	@SuppressWarnings("unchecked")
	private static List<Cell> villages(Map<String, Object> s, Optional<Snapshot> snapshot) {
		List<Cell> villages = new ArrayList<>();
		for (String code : (List<String>) s.get("villageCodes")) {
			villages.add(Cell.link(name(snapshot, code) + " (" + code + ")", "/wilayah/" + code));
		}
		return villages;
	}

	private static String name(Optional<Snapshot> snapshot, String code) {
		return snapshot.flatMap((current) -> current.region(code)).map(RegionEntry::name).orElse(code);
	}

	private static Cell decree(Map<String, Object> d) {
		String date = RecordFormat.text(Catalog.DECREES.field("decreeDate").orElseThrow(), d.get("decreeDate"));
		return Cell.link(d.get("number") + ", " + date + ", " + d.get("issuer"),
				Catalog.DECREES.apiPath() + "/" + RecordView.segment((String) d.get("id")));
	}

	private static List<Cell> assessment(Map<String, Object> a) {
		Dataset assessments = Catalog.ASSESSMENTS;
		List<Cell> row = new ArrayList<>();
		row.add(Cell.link(String.valueOf(a.get("year")),
				assessments.apiPath() + "/" + RecordView.segment((String) a.get("id"))));
		for (String field : List.of("kind", "regulation", "totalScore", "level", "areaHa", "households")) {
			row.add(Cell.text(RecordFormat.text(assessments.field(field).orElseThrow(), a.get(field))));
		}
		return row;
	}

}
