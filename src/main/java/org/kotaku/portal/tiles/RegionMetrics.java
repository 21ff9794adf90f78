package org.kotaku.portal.tiles;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.httpcache.VersionedCache;
import org.kotaku.portal.httpcache.VersionedCaches;
import org.kotaku.portal.readmodel.ReadModel;
import org.kotaku.portal.readmodel.RegionEntry;
import org.kotaku.portal.readmodel.Snapshot;
import org.kotaku.portal.readmodel.Tally;
import org.kotaku.portal.readmodel.Tally.Slot;
import org.springframework.stereotype.Component;

/**
 * The choropleth metrics of the regions layer (planned and disbursed rupiah, slum
 * hectares at baseline and reduced) for every province and every regency, and the regions
 * of one level below a parent with their places (a tile of {@code level=&parent=}), taken
 * from the read model's snapshot (the same figures the API serves) and kept per data
 * version, so that a tile only draws outlines. A tile of a data version waits (a few
 * seconds at most) for the snapshot of that version; summing the canonical tables instead
 * took about a second of database time per level and version, which every refresh paid
 * again.
 */
@Component
class RegionMetrics {

	/**
	 * How long a tile waits for the read model to reach its data version before it takes
	 * the snapshot served.
	 */
	private static final Duration SNAPSHOT_WAIT = Duration.ofSeconds(5);

	/**
	 * The metrics of one level as parallel arrays, ready to bind; hectares are exact
	 * decimals as text, -1 without slums.
	 */
	record Level(String[] codes, Long[] planned, Long[] disbursed, String[] baseline, String[] reduced) {
	}

	/**
	 * The regions of one level below a parent, every one with the read model's place (its
	 * label point, or the centre of its villages' where it has none: districts usually
	 * have no point of their own), and the metrics of those that have figures.
	 */
	record Listed(String[] codes, Double[] lon, Double[] lat, Level metrics) {
	}

	/** The regions of one level below one parent (the nation for a whole level). */
	private record Key(int level, String parent) {
	}

	private final ReadModel readModel;

	/** The metrics of each whole level, per data version. */
	private final VersionedCache<Integer, Level> levels;

	/** The regions of each level and parent, per data version. */
	private final VersionedCache<Key, Listed> listed;

	RegionMetrics(ReadModel readModel, VersionedCaches caches) {
		this.readModel = readModel;
		this.levels = caches.bySize("region-metrics", 4);
		this.listed = caches.bySize("region-lists", 64);
	}

	/** The metrics of a level (1 provinces, 2 regencies) at a data version. */
	Mono<Level> of(long version, int level) {
		return snapshot(version).map((snapshot) -> this.levels.compute(snapshot.version().version(), level,
				(key) -> metrics(snapshot, regions(snapshot, level))));
	}

	/** The regions of {@code level} below {@code parent} (null: the whole level). */
	Mono<Listed> listed(long version, int level, String parent) {
		String code = (parent == null) ? Snapshot.NATIONAL : parent;
		return snapshot(version).map((snapshot) -> this.listed.compute(snapshot.version().version(),
				new Key(level, code), (key) -> listed(snapshot, snapshot.regionsAt(code, level))));
	}

	/**
	 * Checks that a filter's parent is a known region (a 404 problem otherwise), before
	 * any tile is made.
	 */
	void requireKnown(TileFilter filter) {
		if (filter.parent() != null && this.readModel.require().region(filter.parent()).isEmpty()) {
			throw PortalException.notFound("No region with code " + filter.parent() + ".");
		}
	}

	/**
	 * The snapshot of a data version: a tile waits (a few seconds at most) for it, then
	 * takes the one served.
	 */
	private Mono<Snapshot> snapshot(long version) {
		return this.readModel.awaitVersion(version).timeout(SNAPSHOT_WAIT, Mono.fromSupplier(this.readModel::require));
	}

	private static List<RegionEntry> regions(Snapshot snapshot, int level) {
		return snapshot.regionsAt(Snapshot.NATIONAL, level);
	}

	private static Listed listed(Snapshot snapshot, List<RegionEntry> regions) {
		int n = regions.size();
		String[] codes = new String[n];
		Double[] lon = new Double[n];
		Double[] lat = new Double[n];
		for (int i = 0; i < n; i++) {
			RegionEntry region = regions.get(i);
			codes[i] = region.code();
			lon[i] = region.lon();
			lat[i] = region.lat();
		}
		return new Listed(codes, lon, lat, metrics(snapshot, regions));
	}

	private static Level metrics(Snapshot snapshot, List<RegionEntry> regions) {
		List<String> codes = new ArrayList<>();
		List<Tally> tallies = new ArrayList<>();
		for (RegionEntry region : regions) {
			snapshot.tally(region.code(), 0).ifPresent((tally) -> {
				codes.add(region.code());
				tallies.add(tally);
			});
		}
		int n = codes.size();
		Long[] planned = new Long[n];
		Long[] disbursed = new Long[n];
		String[] baseline = new String[n];
		String[] reduced = new String[n];
		for (int i = 0; i < n; i++) {
			Tally tally = tallies.get(i);
			planned[i] = tally.plannedIdr();
			disbursed[i] = tally.disbursedIdr();
			boolean slums = tally.get(Slot.SLUM_AREAS) > 0;
			long baselineCha = tally.get(Slot.SLUM_BASELINE_CHA);
			baseline[i] = slums ? hectares(baselineCha) : "-1";
			reduced[i] = hectares(slums ? baselineCha - tally.get(Slot.SLUM_CURRENT_CHA) : 0);
		}
		return new Level(codes.toArray(String[]::new), planned, disbursed, baseline, reduced);
	}

	/** Centi-hectares as an exact decimal of hectares. */
	private static String hectares(long centiHectares) {
		return BigDecimal.valueOf(centiHectares, 2).toPlainString();
	}

}
