package org.kotaku.portal.region;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.catalog.Text;
import org.kotaku.portal.listing.Records;
import org.kotaku.portal.listing.Where;
import org.kotaku.portal.readmodel.RegionEntry;
import org.kotaku.portal.readmodel.Snapshot;
import org.kotaku.portal.readmodel.Tally;
import org.kotaku.portal.readmodel.Tally.Slot;
import org.kotaku.portal.recordpage.Cell;
import org.kotaku.portal.recordpage.RecordFormat;
import org.kotaku.portal.recordpage.RecordView;
import org.springframework.stereotype.Component;

/**
 * The records a region's page lists with links to their own pages: a village's activities
 * (newest fiscal year first) and the slum areas of a regency or village, read from
 * PostGIS; at most {@link #MAX_ROWS} of each, so that a page stays small (the region's
 * CSV downloads hold all of them). Only where the snapshot says there are some.
 */
@Component
class RegionRecords {

	static final int MAX_ROWS = 60;

	static final List<Text> ACTIVITY_COLUMNS = List.of(Text.of("Kegiatan", "Activity"), Text.of("Tahun", "Year"),
			Text.of("Jenis", "Type"), Text.of("Status", "Status"), Text.of("Anggaran", "Budget"));

	static final List<Text> AREA_COLUMNS = List.of(Text.of("Kawasan", "Area"), Text.of("Luas", "Area (ha)"),
			Text.of("Tingkat kekumuhan", "Slum level"));

	/**
	 * A village's slum areas: those whose villages include it ({@code village_codes},
	 * GIN-indexed).
	 */
	static final String AREA_SPANS_VILLAGE = "s.village_codes @> array[cast(:village as text)]";

	/** Rows of the two tables, each row's first cell linking to the record's page. */
	record Related(List<List<Cell>> areas, List<List<Cell>> activities) {
	}

	private final Records records;

	RegionRecords(Records records) {
		this.records = records;
	}

	Mono<Related> of(Snapshot snapshot, RegionEntry region) {
		Tally tally = snapshot.tally(region.code(), 0).orElse(null);
		return Mono.zip(areas(region, tally), activities(region, tally), Related::new);
	}

	private Mono<List<List<Cell>>> activities(RegionEntry region, Tally tally) {
		if (region.level() != 4 || tally == null || !tally.hasActivities()) {
			return Mono.just(List.of());
		}
		Where village = new Where().and("a.village_code = :village", "village", region.code());
		return this.records.records(Catalog.ACTIVITIES, village, "a.fiscal_year desc, a.id", MAX_ROWS)
			.map((rows) -> rows.stream().map(RegionRecords::activity).toList());
	}

	private Mono<List<List<Cell>>> areas(RegionEntry region, Tally tally) {
		if ((region.level() != 2 && region.level() != 4) || tally == null || tally.get(Slot.SLUM_AREAS) == 0) {
			return Mono.just(List.of());
		}
		Where where = region.level() == 2 ? new Where().and("s.regency_code = :regency", "regency", region.code())
				: new Where().and(AREA_SPANS_VILLAGE, "village", region.code());
		return this.records.records(Catalog.SLUM_AREAS, where, "s.id", MAX_ROWS)
			.map((rows) -> rows.stream().map(RegionRecords::area).toList());
	}

	private static List<Cell> activity(Map<String, Object> a) {
		Dataset activities = Catalog.ACTIVITIES;
		return List.of(Cell.link((String) a.get("name"), "/kegiatan/" + RecordView.segment((String) a.get("id"))),
				Cell.text(String.valueOf(a.get("fiscalYear"))), cell(activities, a, "type"),
				cell(activities, a, "status"), cell(activities, a, "budgetIdr"));
	}

	private static List<Cell> area(Map<String, Object> s) {
		Dataset areas = Catalog.SLUM_AREAS;
		return List.of(Cell.link((String) s.get("name"), "/kawasan/" + RecordView.segment((String) s.get("id"))),
				cell(areas, s, "areaHa"), cell(areas, s, "latestLevel"));
	}

	private static Cell cell(Dataset dataset, Map<String, Object> values, String field) {
		return Cell.text(RecordFormat.text(dataset.field(field).orElseThrow(), values.get(field)));
	}

}
