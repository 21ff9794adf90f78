package org.kotaku.portal.tiles;

import java.util.List;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.kotaku.portal.api.DataVersions;
import org.kotaku.portal.readmodel.SnapshotSwapped;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The choropleth metrics of the regions layer (planned and disbursed rupiah, slum hectares at baseline and reduced)
 * for every province and every regency, computed by PostGIS once per data version ({@code sql/tiles/region-metrics.sql})
 * and kept in memory, so that a tile only draws outlines: summing a province's allocations on every tile took most of
 * a second at national scale. Computed again in the background whenever the read model moves to new data, so the
 * first tiles of a version do not wait for them.
 */
@Component
class RegionMetrics {

	/** The metrics of one level as parallel arrays, ready to bind; hectares are exact decimals as text, -1 without slums. */
	record Level(String[] codes, Long[] planned, Long[] disbursed, String[] baseline, String[] reduced) {
	}

	private record Key(long version, int level) {
	}

	private final DatabaseClient db;

	private final DataVersions versions;

	private final String provinces;

	private final String regencies;

	private final AsyncCache<Key, Level> levels = Caffeine.newBuilder().maximumSize(4).buildAsync();

	RegionMetrics(DatabaseClient db, DataVersions versions) {
		this.db = db;
		this.versions = versions;
		String sql = TileRepository.sql("region-metrics");
		this.provinces = sql.formatted(2, "left(s.regency_code, 2)");
		this.regencies = sql.formatted(5, "s.regency_code");
	}

	/** The metrics of a level (1 provinces, 2 regencies) at a data version. */
	Mono<Level> of(long version, int level) {
		return Mono.fromFuture(() -> this.levels.get(new Key(version, level), (key, executor) -> load(level).toFuture()),
				true);
	}

	@EventListener
	void computeForNewData(SnapshotSwapped swapped) {
		this.versions.currentNumber()
			.flatMapMany((version) -> Flux.concat(of(version, 1), of(version, 2)))
			.onErrorResume((ex) -> Flux.empty())
			.subscribe();
	}

	private Mono<Level> load(int level) {
		return this.db.sql(level == 1 ? this.provinces : this.regencies)
			.map(RegionMetrics::row)
			.all()
			.collectList()
			.map(RegionMetrics::level);
	}

	private static Object[] row(Readable row) {
		return new Object[] { row.get("code", String.class), row.get("planned_idr", Long.class),
				row.get("disbursed_idr", Long.class), row.get("baseline_ha", String.class), row.get("reduced_ha", String.class) };
	}

	private static Level level(List<Object[]> rows) {
		int n = rows.size();
		String[] codes = new String[n];
		Long[] planned = new Long[n];
		Long[] disbursed = new Long[n];
		String[] baseline = new String[n];
		String[] reduced = new String[n];
		for (int i = 0; i < n; i++) {
			Object[] row = rows.get(i);
			codes[i] = (String) row[0];
			planned[i] = (Long) row[1];
			disbursed[i] = (Long) row[2];
			baseline[i] = (String) row[3];
			reduced[i] = (String) row[4];
		}
		return new Level(codes, planned, disbursed, baseline, reduced);
	}

}
