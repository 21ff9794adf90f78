package org.kotaku.portal.aggregates;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kotaku.portal.licence.Licence;
import org.kotaku.portal.readmodel.RegionEntry;
import org.kotaku.portal.readmodel.Snapshot;
import org.kotaku.portal.readmodel.Tally;
import org.kotaku.portal.readmodel.Tally.Slot;

/**
 * The body of {@code GET /api/v1/regions/{code}}: the region, its figures, its children,
 * ranking and links.
 */
final class RegionProfile {

	static final Metric RANKING_METRIC = Metric.SLUM_REDUCED_PCT;

	private RegionProfile() {
	}

	static Map<String, Object> of(Snapshot snapshot, String code, int year, Licence licence) {
		RegionEntry region = snapshot.region(code).orElseThrow();
		Map<String, Object> body = Envelope.of(snapshot, licence);
		Map<String, Object> about = new LinkedHashMap<>(Envelope.region(snapshot, code));
		about.put("lon", region.lon());
		about.put("lat", region.lat());
		about.put("bbox", region.bbox() == null ? null : region.bbox().toArray());
		about.put("path", snapshot.path(code).stream().map((r) -> Envelope.region(snapshot, r.code())).toList());
		body.put("region", about);
		body.put("summary", FiguresView.of(snapshot, code, year));
		body.put("children", snapshot.children(code).stream().map((c) -> child(snapshot, c, year)).toList());
		body.put("ranking", ranking(snapshot, region, year));
		body.put("links", links(code));
		return body;
	}

	private static Map<String, Object> child(Snapshot snapshot, RegionEntry child, int year) {
		Tally t = snapshot.tally(child.code(), year).orElse(null);
		Map<String, Object> item = new LinkedHashMap<>(Envelope.region(snapshot, child.code()));
		item.put("hasData", t != null && t.hasData());
		item.put("slumReducedHa", Metric.SLUM_REDUCED_HA.of(t));
		item.put("slumReducedPct", Metric.SLUM_REDUCED_PCT.of(t));
		item.put("plannedIdr", t != null && t.hasAllocations() ? t.plannedIdr() : null);
		item.put("disbursedIdr", t != null && t.hasAllocations() ? t.disbursedIdr() : null);
		item.put("disbursementRate", Metric.DISBURSEMENT_RATE.of(t));
		item.put("activities", t != null && t.hasActivities() ? t.get(Slot.ACTIVITIES) : null);
		return item;
	}

	/**
	 * Position among the siblings that have a value (1 = highest); null position when the
	 * region has none.
	 */
	static Map<String, Object> ranking(Snapshot snapshot, RegionEntry region, int year) {
		List<RegionEntry> siblings = snapshot.children(region.parent() == null ? Snapshot.NATIONAL : region.parent());
		BigDecimal own = RANKING_METRIC.of(snapshot.tally(region.code(), year).orElse(null));
		List<BigDecimal> values = siblings.stream()
			.map((s) -> RANKING_METRIC.of(snapshot.tally(s.code(), year).orElse(null)))
			.filter(java.util.Objects::nonNull)
			.toList();
		Map<String, Object> ranking = new LinkedHashMap<>();
		ranking.put("among", "siblings");
		ranking.put("metric", RANKING_METRIC.apiName());
		ranking.put("position", own == null ? null : 1 + values.stream().filter((v) -> v.compareTo(own) > 0).count());
		ranking.put("of", values.size());
		return ranking;
	}

	private static Map<String, String> links(String code) {
		Map<String, String> links = new LinkedHashMap<>();
		links.put("self", "/api/v1/regions/" + code);
		links.put("activities", "/api/v1/activities?region=" + code);
		links.put("slumAreas", "/api/v1/slum-areas?region=" + code);
		links.put("site", "/wilayah/" + code);
		return links;
	}

}
