package org.kotaku.portal.region;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.kotaku.portal.figures.Metric;
import org.kotaku.portal.api.Params;
import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.catalog.Text;
import org.kotaku.portal.readmodel.ReadModel;
import org.kotaku.portal.readmodel.RegionEntry;
import org.kotaku.portal.readmodel.Snapshot;
import org.kotaku.portal.readmodel.Tally;
import org.kotaku.portal.readmodel.Tally.Slot;
import org.kotaku.portal.recordpage.Cell;
import org.kotaku.portal.recordpage.Figure;
import org.kotaku.portal.recordpage.RecordFormat;
import org.kotaku.portal.recordpage.RecordPages;
import org.kotaku.portal.recordpage.RecordView;
import org.kotaku.portal.web.SiteRecordPage;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * The profile of one region, {@code /wilayah/{code}}, rendered on the server from the
 * read model's snapshot (the figures of {@code /api/v1/regions/{code}}, over all years):
 * its headline figures, official and weighted slum reduction labelled apart, its ranking
 * among its siblings, the regions below it and, for a village, its activities and slum
 * areas with links to their pages ({@link RegionRecords}). Before the first snapshot
 * there is nothing to render: the site's bare page answers.
 */
@Component
class RegionPage implements SiteRecordPage {

	static final String PREFIX = "/wilayah/";

	private static final List<Text> CHILD_COLUMNS = List.of(Text.of("Wilayah", "Region"),
			Text.of("Kegiatan", "Activities"), Text.of("Tersalurkan", "Disbursed"),
			Text.of("Kumuh berkurang (resmi)", "Slum reduced (official)"));

	private final ReadModel readModel;

	private final RegionRecords records;

	private final RecordPages pages;

	RegionPage(ReadModel readModel, RegionRecords records, RecordPages pages) {
		this.readModel = readModel;
		this.records = records;
		this.pages = pages;
	}

	@Override
	public String pattern() {
		return PREFIX + "{code}";
	}

	@Override
	public Mono<Found> find(ServerRequest request) {
		String code = Params.regionCode("code", request.pathVariable("code")).dotted();
		return Mono.justOrEmpty(this.readModel.snapshot()).flatMap((snapshot) -> find(snapshot, code));
	}

	private Mono<Found> find(Snapshot snapshot, String code) {
		RegionEntry region = snapshot.region(code)
			.orElseThrow(() -> PortalException.notFound("No region with code " + code + "."));
		return this.records.of(snapshot, region).map((related) -> found(snapshot, region, related));
	}

	private Found found(Snapshot snapshot, RegionEntry region, RegionRecords.Related related) {
		return new Found(snapshot.version(),
				() -> this.pages.render(view(snapshot, region, related), snapshot.version()));
	}

	static RecordView view(Snapshot snapshot, RegionEntry region, RegionRecords.Related related) {
		Tally tally = snapshot.tally(region.code(), 0).orElse(null);
		RecordView view = RecordView.of(Catalog.REGIONS, region.code(), PREFIX, region.name(), kind(region))
			.placeType("AdministrativeArea")
			.description(description(snapshot, region, tally))
			.at(decimal(region.lon()), decimal(region.lat()))
			.mapHref("/peta?p=" + (region.level() < 4 ? region.code() : region.parent()));
		snapshot.path(region.code()).forEach((above) -> view.within(above.code(), above.name()));
		snapshot.years()
			.stream()
			.findFirst()
			.ifPresent((first) -> view.during(first + "/" + snapshot.years().get(snapshot.years().size() - 1)));
		view.figure(count("activities", Text.of("Kegiatan", "Activities"),
				tally != null && tally.hasActivities() ? tally.get(Slot.ACTIVITIES) : null));
		for (Metric metric : List.of(Metric.ACTIVITIES_COMPLETED, Metric.PLANNED_IDR, Metric.DISBURSED_IDR,
				Metric.DISBURSEMENT_RATE, Metric.SLUM_REDUCED_HA, Metric.SLUM_REDUCED_PCT, Metric.WEIGHTED_REDUCED_HA,
				Metric.CURRENT_SLUM_HA, Metric.SAFE_WATER_PCT, Metric.SANITATION_PCT, Metric.PADAT_KARYA_WAGES_IDR)) {
			view.figure(figure(metric, metric.of(tally)));
		}
		view.table("bawah", Text.of("Wilayah di bawahnya", "Regions below it"), CHILD_COLUMNS,
				snapshot.children(region.code()).stream().map((child) -> child(snapshot, child)).toList());
		view.table("kawasan", Text.of("Kawasan kumuh", "Slum areas"), RegionRecords.AREA_COLUMNS, related.areas());
		view.table("kegiatan", Text.of("Kegiatan", "Activities"), RegionRecords.ACTIVITY_COLUMNS, related.activities());
		String api = "/api/v1/regions/" + region.code();
		return view.download("JSON", api, "application/json")
			.download("Kegiatan / Activities (CSV)",
					"/api/v1/activities?region=" + region.code() + "&format=csv&limit=all", "text/csv")
			.download("Kawasan kumuh / Slum areas (CSV)",
					"/api/v1/slum-areas?region=" + region.code() + "&format=csv&limit=all", "text/csv");
	}

	private static Text kind(RegionEntry region) {
		return RecordFormat.label(Catalog.REGIONS.field("type").orElseThrow(), String.valueOf(region.type()))
			.orElse(Text.of("Wilayah", "Region"));
	}

	/**
	 * Where the region stands among its siblings by official slum reduction, and what it
	 * did.
	 */
	static String description(Snapshot snapshot, RegionEntry region, Tally tally) {
		RegionProfile.Ranking ranking = RegionProfile.ranking(snapshot, region, 0);
		String place = snapshot.path(region.code()).isEmpty() ? "Indonesia"
				: snapshot.path(region.code()).get(snapshot.path(region.code()).size() - 1).name();
		StringBuilder text = new StringBuilder(region.name()).append(", ").append(place).append(": ");
		if (tally == null || !tally.hasData()) {
			return text.append("belum ada data program KOTAKU.").toString();
		}
		text.append(tally.hasActivities() ? RecordFormat.number(tally.get(Slot.ACTIVITIES)) + " kegiatan"
				: "belum ada kegiatan");
		if (tally.hasAllocations()) {
			text.append(", tersalurkan ").append(RecordFormat.idr(tally.disbursedIdr()));
		}
		if (ranking.position() != null) {
			text.append("; peringkat ")
				.append(ranking.position())
				.append(" dari ")
				.append(ranking.of())
				.append(" wilayah setingkat menurut pengurangan kumuh");
		}
		return text.append('.').toString();
	}

	private static List<Cell> child(Snapshot snapshot, RegionEntry child) {
		Tally t = snapshot.tally(child.code(), 0).orElse(null);
		List<Cell> row = new ArrayList<>();
		row.add(Cell.link(child.name(), PREFIX + child.code()));
		row.add(Cell
			.text(t != null && t.hasActivities() ? RecordFormat.number(t.get(Slot.ACTIVITIES)) : RecordFormat.NO_DATA));
		row.add(Cell.text(figure(Metric.DISBURSED_IDR, Metric.DISBURSED_IDR.of(t)).text()));
		row.add(Cell.text(figure(Metric.SLUM_REDUCED_PCT, Metric.SLUM_REDUCED_PCT.of(t)).text()));
		return row;
	}

	private static Figure count(String field, Text label, Long value) {
		return new Figure(label, field, value, value == null ? RecordFormat.NO_DATA : RecordFormat.number(value), null);
	}

	/**
	 * A metric's value as {@code /api/v1/progress} names and publishes it, written for
	 * people.
	 */
	static Figure figure(Metric metric, BigDecimal value) {
		return new Figure(RegionLabels.of(metric), metric.apiName(), value, text(metric, value), metric.unit());
	}

	private static String text(Metric metric, BigDecimal value) {
		if (value == null) {
			return RecordFormat.NO_DATA;
		}
		return switch (metric.unit()) {
			case "IDR" -> RecordFormat.idr(value.longValue());
			case "percent" -> RecordFormat.decimal(value, "%");
			case "ratio" -> RecordFormat.decimal(value.movePointRight(2), "%");
			case "ha" -> RecordFormat.decimal(value, "ha");
			default -> RecordFormat.number(value.longValue());
		};
	}

	private static BigDecimal decimal(Double degrees) {
		return degrees == null ? null : BigDecimal.valueOf(degrees);
	}

	/** The labels of the metrics a region page shows, in both languages. */
	static final class RegionLabels {

		private static final Map<Metric, Text> LABELS = Map.ofEntries(
				Map.entry(Metric.ACTIVITIES_COMPLETED, Text.of("Kegiatan selesai", "Activities completed")),
				Map.entry(Metric.PLANNED_IDR, Text.of("Dana dialokasikan", "Funds allocated")),
				Map.entry(Metric.DISBURSED_IDR, Text.of("Dana tersalurkan", "Funds disbursed")),
				Map.entry(Metric.DISBURSEMENT_RATE, Text.of("Tingkat penyaluran", "Disbursement rate")),
				Map.entry(Metric.SLUM_REDUCED_HA, Text.of("Kumuh berkurang (resmi)", "Slum reduced (official)")),
				Map.entry(Metric.SLUM_REDUCED_PCT, Text.of("Kumuh berkurang (resmi, %)", "Slum reduced (official, %)")),
				Map.entry(Metric.WEIGHTED_REDUCED_HA,
						Text.of("Kumuh berkurang (tertimbang)", "Slum reduced (weighted)")),
				Map.entry(Metric.CURRENT_SLUM_HA, Text.of("Luas kumuh sekarang", "Slum area now")),
				Map.entry(Metric.SAFE_WATER_PCT, Text.of("Akses air minum layak", "Safe drinking water")),
				Map.entry(Metric.SANITATION_PCT, Text.of("Akses sanitasi layak", "Proper sanitation")),
				Map.entry(Metric.PADAT_KARYA_WAGES_IDR, Text.of("Upah padat karya", "Padat karya wages")));

		private RegionLabels() {
		}

		static Text of(Metric metric) {
			return LABELS.get(metric);
		}

	}

}
