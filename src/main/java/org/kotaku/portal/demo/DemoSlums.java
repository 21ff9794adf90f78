package org.kotaku.portal.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.kotaku.portal.demo.DemoWorld.Regency;
import org.kotaku.portal.demo.DemoWorld.Village;

/**
 * Synthetic slum areas (one SK kumuh per regency, one to three kawasan in each slum
 * village) and their yearly assessments: a baseline in 2016 and an R0 every year after,
 * under Permen PUPR 02/2016 until 2018 and 14/2018 from 2019. Criterion percentages
 * follow shared/DOMAIN.md section 6 and fall over the years along one of three paths (45
 * % reach tidak kumuh, 40 % drop about one level, 15 % barely move).
 */
final class DemoSlums {

	private static final String[] CRITERIA_02_2016 = { "1a", "1b", "1c", "2a", "2b", "3a", "3b", "4a", "4b", "4c", "4d",
			"4e", "5a", "5b", "6a", "6b", "6c", "7a", "7b" };

	private static final String[] TYPOLOGIES = { "dataran_rendah", "dataran_rendah", "dataran_rendah", "tepi_air",
			"di_atas_air", "perbukitan", "rawan_bencana" };

	record SlumArea(String id, Regency regency, String name, double areaHa, List<String> villages, double lon,
			double lat, String legality, String typology, double severity, double remaining, int buildings,
			int households, double roadM, double drainM, Map<String, Double> baselinePct) {
	}

	private DemoSlums() {
	}

	static List<SlumArea> slumAreas(DemoWorld world, SplittableRandom random) {
		List<SlumArea> areas = new ArrayList<>();
		for (Regency regency : world.regencies) {
			int serial = 0;
			for (Village village : regency.villages()) {
				if (!village.slum()) {
					continue;
				}
				int count = 1 + (random.nextDouble() < 0.55 ? 1 : 0) + (random.nextDouble() < 0.25 ? 1 : 0);
				double villageHa = Math.min(120, Math.max(0.6, Math.exp(random.nextGaussian(Math.log(5.5), 0.8))));
				for (int k = 0; k < count; k++) {
					areas.add(slumArea(regency, village, ++serial, villageHa / count, random));
				}
			}
		}
		return areas;
	}

	private static SlumArea slumArea(Regency regency, Village village, int serial, double areaHa,
			SplittableRandom random) {
		String id = "KWS-" + regency.place().code().replace(".", "") + "-" + String.format("%03d", serial);
		double severity = pick(random, new double[] { 0.6, 0.33, 0.07 }, new double[] { 0.75, 1.3, 1.8 });
		double remaining = pick(random, new double[] { 0.45, 0.40, 0.15 }, new double[] { 0.1, 0.7, 0.95 });
		double ha = Math.round(Math.max(0.3, areaHa) * 100) / 100.0;
		int buildings = (int) Math.max(12, Math.round(ha * random.nextDouble(40, 110)));
		int households = (int) Math.round(buildings * random.nextDouble(1.0, 1.3));
		Map<String, Double> pct = new LinkedHashMap<>();
		for (String criterion : CRITERIA_02_2016) {
			// waste and fire protection are almost always lacking (shared/DOMAIN.md 1.3):
			// severity moves the rest
			double factor = criterion.startsWith("6") || criterion.startsWith("7") ? 1 : severity;
			pct.put(criterion, Math.min(100, baselinePct(criterion, random) * factor));
		}
		double lon = DemoWorld.round(village.lon() + random.nextDouble(-0.004, 0.004));
		double lat = DemoWorld.round(village.lat() + random.nextDouble(-0.004, 0.004));
		return new SlumArea(id, regency, "Kawasan " + village.name() + (serial > 1 ? " " + serial : ""), ha,
				List.of(village.code()), lon, lat, random.nextDouble() < 0.88 ? "legal" : "ilegal",
				TYPOLOGIES[random.nextInt(TYPOLOGIES.length)], severity, remaining, buildings, households,
				Math.round(ha * random.nextDouble(120, 220)), Math.round(ha * random.nextDouble(100, 200)), pct);
	}

	private static double baselinePct(String criterion, SplittableRandom r) {
		return switch (criterion) {
			case "1a", "1c" -> r.nextDouble(5, 50);
			case "1b" -> r.nextDouble() < 0.8 ? 0 : r.nextDouble(10, 60);
			case "2a" -> r.nextDouble(0, 40);
			case "2b" -> r.nextDouble(20, 80);
			case "3a" -> r.nextDouble() < 0.5 ? r.nextDouble(0, 20) : r.nextDouble(50, 90);
			case "3b" -> r.nextDouble(0, 50);
			case "4a" -> r.nextDouble() < 0.7 ? 0 : r.nextDouble(10, 60);
			case "4b" -> r.nextDouble(0, 100);
			case "5a", "5b" -> r.nextDouble(10, 60);
			case "6a", "6b", "6c" -> 100 - r.nextDouble(0, 30) * r.nextDouble();
			case "7a", "7b" -> 100 - r.nextDouble(0, 25) * r.nextDouble();
			default -> r.nextDouble(10, 70);
		};
	}

	static Map<String, Object> slumAreaRow(SlumArea area) {
		Regency regency = area.regency();
		String digits = regency.place().code().replace(".", "");
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", area.id());
		row.put("regency", regency.place().code());
		row.put("name", area.name());
		row.put("areaHa", area.areaHa());
		row.put("typology", area.typology());
		row.put("legality", area.legality());
		// priority matrix: heavier slums first (1-3 berat, 4-6 sedang, 7-9 ringan)
		row.put("priority", area.severity() >= 1.8 ? 2 : (area.severity() >= 1.3 ? 5 : 8));
		row.put("handling", area.legality().equals("ilegal") ? "pemukiman_kembali"
				: (area.severity() < 0.7 ? "pemugaran" : "peremajaan"));
		row.put("scale", area.areaHa() >= 15 ? "kawasan" : "lingkungan");
		row.put("villages", area.villages());
		row.put("geometry", octagon(area.lon(), area.lat(), area.areaHa()));
		row.put("decreeId", "SK-" + digits + "-2016");
		row.put("decreeNumber", "188.45/" + (100 + Math.abs(digits.hashCode() % 800)) + "/HK/2016");
		row.put("decreeDate", "2016-0" + (3 + Math.abs(digits.hashCode() % 6)) + "-15");
		row.put("decreeIssuer", (regency.city() ? "Walikota " : "Bupati ")
				+ regency.place().name().replaceFirst("^(Kota Administrasi |Kota |Kabupaten )", ""));
		return row;
	}

	/** A regular octagon of the given area around a point, as a GeoJSON Polygon. */
	private static Map<String, Object> octagon(double lon, double lat, double areaHa) {
		double radiusM = Math.sqrt(areaHa * 10_000 / (2 * Math.sqrt(2)));
		double dLat = radiusM / 111_320;
		double dLon = dLat / Math.cos(Math.toRadians(lat));
		List<List<Double>> ring = new ArrayList<>();
		for (int i = 0; i <= 8; i++) {
			double angle = Math.PI / 8 + (i % 8) * Math.PI / 4;
			ring.add(List.of(DemoWorld.round(lon + dLon * Math.cos(angle)),
					DemoWorld.round(lat + dLat * Math.sin(angle))));
		}
		return Map.of("type", "Polygon", "coordinates", List.of(ring));
	}

	static List<Map<String, Object>> assessmentRows(SlumArea area, SplittableRandom random) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int year = DemoDataset.FIRST_YEAR; year <= DemoDataset.LAST_YEAR; year++) {
			double progress = Math.min(1, (year - DemoDataset.FIRST_YEAR) / 8.0);
			double factor = 1 - (1 - area.remaining()) * progress;
			String regulation = year <= 2018 ? "02/2016" : "14/2018";
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", "ASM-" + area.id().substring(4) + "-" + year);
			row.put("slumAreaId", area.id());
			row.put("year", year);
			row.put("kind", year == DemoDataset.FIRST_YEAR ? "baseline" : "r0");
			row.put("regulation", regulation);
			row.put("areaHa", area.areaHa());
			row.put("buildings", area.buildings());
			row.put("households", area.households());
			row.put("people", Math.round(area.households() * 3.5));
			row.put("roadLengthM", area.roadM());
			row.put("drainLengthM", area.drainM());
			Map<String, Object> volumes = new LinkedHashMap<>();
			Map<String, Double> denominators = denominators(area);
			area.baselinePct().forEach((criterion, pct) -> {
				if (regulation.equals("14/2018")
						&& (criterion.equals("4d") || criterion.equals("4e") || criterion.equals("6c"))) {
					return;
				}
				double share = Math.min(100, pct * factor * random.nextDouble(0.97, 1.03)) / 100;
				double denominator = denominators.get(denominatorOf(criterion));
				volumes.put(criterion, Math.min(denominator, Math.round(share * denominator * 100) / 100.0));
			});
			row.put("volumes", volumes);
			rows.add(row);
		}
		return rows;
	}

	private static Map<String, Double> denominators(SlumArea area) {
		Map<String, Double> d = new HashMap<>();
		d.put("buildings", (double) area.buildings());
		d.put("households", (double) area.households());
		d.put("area_ha", area.areaHa());
		d.put("road_length_m", area.roadM());
		d.put("drain_length_m", area.drainM());
		return d;
	}

	private static String denominatorOf(String criterion) {
		return switch (criterion) {
			case "1a", "1c", "7a", "7b" -> "buildings";
			case "1b", "4a" -> "area_ha";
			case "2a", "2b" -> "road_length_m";
			case "4b", "4c", "4d", "4e" -> "drain_length_m";
			default -> "households";
		};
	}

	private static double pick(SplittableRandom random, double[] weights, double[] values) {
		double x = random.nextDouble();
		for (int i = 0; i < weights.length; i++) {
			x -= weights[i];
			if (x < 0) {
				return values[i];
			}
		}
		return values[values.length - 1];
	}

}
