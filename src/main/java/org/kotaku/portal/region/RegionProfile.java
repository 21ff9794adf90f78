package org.kotaku.portal.region;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.kotaku.portal.figures.Metric;
import org.kotaku.portal.figures.Envelope.RegionRef;
import org.kotaku.portal.figures.FiguresView;
import org.kotaku.portal.figures.Envelope;
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
		Region about = new Region(region.code(), region.name(), region.level(), region.type(), region.lon(),
				region.lat(), region.bbox() == null ? null : region.bbox().toArray(),
				snapshot.path(code).stream().map((r) -> Envelope.region(snapshot, r.code())).toList());
		body.put("region", about);
		body.put("summary", FiguresView.of(snapshot, code, year));
		body.put("children", snapshot.children(code).stream().map((c) -> child(snapshot, c, year)).toList());
		body.put("ranking", ranking(snapshot, region, year));
		body.put("links", links(code));
		return body;
	}

	/** The region of the profile, its centre, extent and the path down to it. */
	record Region(String code, String name, int level, String type, Double lon, Double lat, double[] bbox,
			List<RegionRef> path) {
	}

	/** A child region in the profile, with the figures its row on the site shows. */
	record Child(String code, String name, int level, String type, boolean hasData, BigDecimal slumReducedHa,
			BigDecimal slumReducedPct, Long plannedIdr, Long disbursedIdr, BigDecimal disbursementRate,
			Long activities) {
	}

	/** Position among the siblings that have a value (1 = highest). */
	record Ranking(String among, String metric, Long position, int of) {
	}

	record Links(String self, String activities, String slumAreas, String site) {
	}

	private static Child child(Snapshot snapshot, RegionEntry child, int year) {
		Tally t = snapshot.tally(child.code(), year).orElse(null);
		boolean money = t != null && t.hasAllocations();
		return new Child(child.code(), child.name(), child.level(), child.type(), t != null && t.hasData(),
				Metric.SLUM_REDUCED_HA.of(t), Metric.SLUM_REDUCED_PCT.of(t), money ? t.plannedIdr() : null,
				money ? t.disbursedIdr() : null, Metric.DISBURSEMENT_RATE.of(t),
				t != null && t.hasActivities() ? t.get(Slot.ACTIVITIES) : null);
	}

	/**
	 * Position among the siblings that have a value (1 = highest); null position when the
	 * region has none.
	 */
	static Ranking ranking(Snapshot snapshot, RegionEntry region, int year) {
		List<RegionEntry> siblings = snapshot.children(region.parent() == null ? Snapshot.NATIONAL : region.parent());
		BigDecimal own = RANKING_METRIC.of(snapshot.tally(region.code(), year).orElse(null));
		List<BigDecimal> values = siblings.stream()
			.map((s) -> RANKING_METRIC.of(snapshot.tally(s.code(), year).orElse(null)))
			.filter(java.util.Objects::nonNull)
			.toList();
		Long position = own == null ? null : 1 + values.stream().filter((v) -> v.compareTo(own) > 0).count();
		return new Ranking("siblings", RANKING_METRIC.apiName(), position, values.size());
	}

	private static Links links(String code) {
		return new Links("/api/v1/regions/" + code, "/api/v1/activities?region=" + code,
				"/api/v1/slum-areas?region=" + code, "/wilayah/" + code);
	}

}
