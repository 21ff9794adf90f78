package org.kotaku.portal.tiles;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.kotaku.portal.readmodel.ReadModel;
import org.kotaku.portal.readmodel.RegionEntry;
import org.kotaku.portal.readmodel.Snapshot;
import org.kotaku.portal.readmodel.Tally;
import org.kotaku.portal.readmodel.Tally.Slot;
import org.springframework.stereotype.Component;

/**
 * The choropleth metrics of the regions layer (planned and disbursed rupiah, slum hectares at baseline and reduced)
 * for every province and every regency, taken from the read model's snapshot (the same figures the API serves) and
 * kept per data version, so that a tile only draws outlines. A tile of a data version waits (a few seconds at most)
 * for the snapshot of that version; summing the canonical tables instead took about a second of database time per
 * level and version, which every refresh paid again.
 */
@Component
class RegionMetrics {

	/** How long a tile waits for the read model to reach its data version before it takes the snapshot served. */
	private static final Duration SNAPSHOT_WAIT = Duration.ofSeconds(5);

	/** The metrics of one level as parallel arrays, ready to bind; hectares are exact decimals as text, -1 without slums. */
	record Level(String[] codes, Long[] planned, Long[] disbursed, String[] baseline, String[] reduced) {
	}

	private record Key(long version, int level) {
	}

	private final ReadModel readModel;

	private final Cache<Key, Level> levels = Caffeine.newBuilder().maximumSize(4).build();

	RegionMetrics(ReadModel readModel) {
		this.readModel = readModel;
	}

	/** The metrics of a level (1 provinces, 2 regencies) at a data version. */
	Mono<Level> of(long version, int level) {
		return this.readModel.awaitVersion(version)
			.timeout(SNAPSHOT_WAIT, Mono.fromSupplier(this.readModel::require))
			.map((snapshot) -> this.levels.get(new Key(snapshot.version().version(), level),
					(key) -> level(snapshot, level)));
	}

	private static Level level(Snapshot snapshot, int level) {
		List<RegionEntry> regions = new ArrayList<>();
		for (RegionEntry province : snapshot.children(Snapshot.NATIONAL)) {
			if (level == 1) {
				regions.add(province);
			}
			else {
				regions.addAll(snapshot.children(province.code()));
			}
		}
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
