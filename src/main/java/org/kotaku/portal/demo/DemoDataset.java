package org.kotaku.portal.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import reactor.core.publisher.Flux;

import org.kotaku.portal.demo.DemoWorld.Regency;
import org.kotaku.portal.demo.DemoWorld.Village;
import org.kotaku.portal.ingest.dataset.Dataset;

/**
 * A deterministic, plausible KOTAKU dataset (shared/DOMAIN.md section 6) written as
 * ingestion rows, so that it enters the portal through the same validation and merge as
 * the program's own data. Regions, slum areas with decrees, yearly assessments, 100-0-100
 * access figures and allocations are built up front (they are small); activities are
 * generated lazily, allocation by allocation, so the national fixture of a million
 * activities never sits in memory.
 */
public final class DemoDataset {

	/**
	 * The source name of every synthetic batch; answers built on it are labelled
	 * synthetic.
	 */
	public static final String SOURCE = "demo-generator";

	static final int FIRST_YEAR = 2016;

	static final int LAST_YEAR = 2025;

	private final DemoScale scale;

	private final long seed;

	private final DemoWorld world;

	private final List<DemoSlums.SlumArea> slumAreas;

	private final List<DemoMoney.Allocation> allocations;

	private final Map<String, String> slumAreaByVillage = new java.util.HashMap<>();

	private final Map<String, Double> slumHaByVillage = new java.util.HashMap<>();

	public DemoDataset(DemoScale scale, long seed) {
		this.scale = scale;
		this.seed = seed;
		this.world = new DemoWorld(scale, seed);
		this.slumAreas = DemoSlums.slumAreas(this.world, new SplittableRandom(seed ^ 0x51));
		this.allocations = DemoMoney.allocations(this.world, scale, new SplittableRandom(seed ^ 0xA1));
		for (DemoSlums.SlumArea area : this.slumAreas) {
			for (String village : area.villages()) {
				this.slumAreaByVillage.putIfAbsent(village, area.id());
				this.slumHaByVillage.merge(village, area.areaHa() / area.villages().size(), Double::sum);
			}
		}
	}

	/**
	 * The datasets in the order they must be loaded (later ones reference earlier ones).
	 */
	public static List<Dataset> loadOrder() {
		return List.of(Dataset.REGIONS, Dataset.SLUM_AREAS, Dataset.ASSESSMENTS, Dataset.ACCESS_INDICATORS,
				Dataset.ALLOCATIONS, Dataset.ACTIVITIES);
	}

	public Flux<Map<String, Object>> rows(Dataset dataset) {
		return switch (dataset) {
			case REGIONS -> Flux.fromIterable(regionRows());
			case SLUM_AREAS -> Flux.fromIterable(this.slumAreas).map(DemoSlums::slumAreaRow);
			case ASSESSMENTS -> Flux.fromIterable(this.slumAreas)
				.concatMapIterable((area) -> DemoSlums.assessmentRows(area,
						new SplittableRandom(this.seed ^ area.id().hashCode())));
			case ACCESS_INDICATORS -> Flux.fromIterable(this.world.villages()).concatMapIterable(this::accessRows);
			case ALLOCATIONS -> Flux.fromIterable(this.allocations).map(DemoMoney::allocationRow);
			case ACTIVITIES -> Flux.fromIterable(this.allocations)
				.concatMapIterable((a) -> DemoMoney.activityRows(a, this.scale, this.slumAreaByVillage, this.seed));
		};
	}

	private List<Map<String, Object>> regionRows() {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (DemoWorld.Place province : this.world.provinces) {
			rows.add(region(province.code(), province.name(), province.lon(), province.lat()));
		}
		for (Regency regency : this.world.regencies) {
			DemoWorld.Place place = regency.place();
			rows.add(region(place.code(), place.name(), place.lon(), place.lat()));
			regency.districts().forEach((d) -> rows.add(region(d.code(), d.name(), null, null)));
			for (Village village : regency.villages()) {
				Map<String, Object> row = region(village.code(), village.name(), village.lon(), village.lat());
				row.put("type", village.type());
				row.put("population", Math.round(village.households() * 3.6));
				rows.add(row);
			}
		}
		return rows;
	}

	private static Map<String, Object> region(String code, String name, Double lon, Double lat) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("code", code);
		row.put("name", name);
		if (lon != null) {
			row.put("labelLon", lon);
			row.put("labelLat", lat);
		}
		return row;
	}

	private List<Map<String, Object>> accessRows(Village village) {
		SplittableRandom random = new SplittableRandom(this.seed ^ village.code().hashCode());
		double water = random.nextDouble(55, 82);
		double sanitation = random.nextDouble(45, 72);
		double waste = random.nextDouble(25, 60);
		double slumHa = this.slumHaByVillage.getOrDefault(village.code(), 0.0);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
			double t = (year - FIRST_YEAR) / (double) (LAST_YEAR - FIRST_YEAR);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("village", village.code());
			row.put("year", year);
			row.put("households", village.households() + (year - FIRST_YEAR) * 12);
			row.put("people", Math.round((village.households() + (year - FIRST_YEAR) * 12) * 3.6));
			row.put("safeWaterPct", pct(water + (97 - water) * t * random.nextDouble(0.8, 1.0)));
			row.put("sanitationPct", pct(sanitation + (93 - sanitation) * t * random.nextDouble(0.7, 1.0)));
			row.put("wasteServicePct", pct(waste + (85 - waste) * t * random.nextDouble(0.6, 1.0)));
			row.put("slumHa", Math.round(slumHa * (1 - 0.8 * t) * 100) / 100.0);
			rows.add(row);
		}
		return rows;
	}

	private static double pct(double value) {
		return Math.round(Math.min(100, value) * 100) / 100.0;
	}

}
