package org.kotaku.portal.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.kotaku.portal.demo.DemoWorld.Village;

/**
 * Synthetic money and works: allocations per village and fiscal year (BPM reguler of
 * about Rp 1 miliar for slum villages in 2016-2019, PKT cash-for-work of Rp 300 juta in
 * 2020-2021, local-budget lines elsewhere, kawasan-scale works per regency) paid in
 * 40/40/20 tranches, and the activities they fund, with cost splits, outputs at plausible
 * unit costs, beneficiaries and padat karya labour (shared/DOMAIN.md sections 3.3-3.5,
 * 6).
 */
final class DemoMoney {

	private static final String[] TYPES = { "road", "drainage", "sanitation", "water", "waste", "fire", "open_space" };

	private static final double[] TYPE_SHARES = { 0.35, 0.30, 0.12, 0.08, 0.06, 0.04, 0.05 };

	record Allocation(String id, Village village, int year, String program, String source, long ceiling, int activities,
			long seed) {
	}

	private DemoMoney() {
	}

	static List<Allocation> allocations(DemoWorld world, DemoScale scale, SplittableRandom random) {
		List<Allocation> allocations = new ArrayList<>();
		int perVillage = Math.max(1, Math.round(scale.activitiesPerVillage / 5.0f));
		for (Village village : world.villages()) {
			for (int k = 0; k < perVillage; k++) {
				allocations.add(allocation(village, k, perVillage, random));
			}
		}
		for (DemoWorld.Regency regency : world.regencies) {
			int kawasan = 1 + random.nextInt(3);
			for (int k = 0; k < kawasan; k++) {
				Village village = regency.villages().get(random.nextInt(regency.villages().size()));
				int year = 2018 + random.nextInt(7);
				long ceiling = roundMillion(random.nextLong(5_000_000_000L, 50_000_000_000L));
				allocations.add(new Allocation("ALC-" + village.code().replace(".", "") + "-" + year + "-K" + k,
						village, year, "kawasan", "loan", ceiling, 1 + random.nextInt(3), random.nextLong()));
			}
		}
		return allocations;
	}

	private static Allocation allocation(Village village, int k, int perVillage, SplittableRandom random) {
		int year;
		String program;
		String source;
		long ceiling;
		double x = random.nextDouble();
		if (village.slum() && k == 0) {
			year = 2016 + random.nextInt(4);
			program = year <= 2019 && year >= 2017 && x < 0.3 ? "bdi" : "bpm_reguler";
			source = x < 0.5 ? "loan" : "apbn";
			double c = random.nextDouble();
			ceiling = c < 0.7 ? 1_000_000_000L : (c < 0.9 ? roundMillion(random.nextLong(500_000_000L, 900_000_000L))
					: roundMillion(random.nextLong(1_100_000_000L, 1_500_000_000L)));
		}
		else if (x < 0.12) {
			year = 2020 + random.nextInt(2);
			program = "pkt";
			source = "apbn";
			ceiling = 300_000_000L;
		}
		else {
			year = 2016 + (k + random.nextInt(10)) % 10;
			program = "other";
			source = random.nextDouble() < 0.8 ? "apbd" : "dak";
			ceiling = roundMillion(random.nextLong(100_000_000L, 500_000_000L));
		}
		String id = "ALC-" + village.code().replace(".", "") + "-" + year + "-" + k;
		return new Allocation(id, village, year, program, source, ceiling, 3 + random.nextInt(6), random.nextLong());
	}

	static Map<String, Object> allocationRow(Allocation a) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", a.id());
		row.put("village", a.village().code());
		row.put("fiscalYear", a.year());
		row.put("program", a.program());
		row.put("source", a.source());
		row.put("ceilingIdr", a.ceiling());
		row.put("tranches", tranches(a));
		return row;
	}

	/** 40/40/20 tranches; in the current year only the first ones are paid. */
	private static List<Map<String, Object>> tranches(Allocation a) {
		long[] amounts = { a.ceiling() * 4 / 10, a.ceiling() * 4 / 10, a.ceiling() - 2 * (a.ceiling() * 4 / 10) };
		int paid = a.year() < DemoDataset.LAST_YEAR ? 3 : (int) (Math.abs(a.seed()) % 3);
		List<Map<String, Object>> tranches = new ArrayList<>();
		for (int t = 0; t < 3; t++) {
			Map<String, Object> tranche = new LinkedHashMap<>();
			tranche.put("tranche", t + 1);
			tranche.put("status", t < paid ? "disbursed" : "planned");
			if (t < paid) {
				tranche.put("date", LocalDate.of(a.year(), 4 + 3 * t, 10).toString());
			}
			tranche.put("amountIdr", amounts[t]);
			tranches.add(tranche);
		}
		return tranches;
	}

	static List<Map<String, Object>> activityRows(Allocation a, DemoScale scale, Map<String, String> slumAreaByVillage,
			long seed) {
		SplittableRandom random = new SplittableRandom(a.seed() ^ seed);
		int count = a.activities();
		double[] weights = new double[count];
		double total = 0;
		for (int i = 0; i < count; i++) {
			weights[i] = random.nextDouble(0.5, 1.5);
			total += weights[i];
		}
		String slumArea = slumAreaByVillage.get(a.village().code());
		List<Map<String, Object>> rows = new ArrayList<>(count);
		long remaining = a.ceiling();
		for (int i = 0; i < count; i++) {
			long bpm = i == count - 1 ? remaining : roundThousand((long) (a.ceiling() * weights[i] / total));
			remaining -= bpm;
			rows.add(DemoActivity.row(a, i, bpm, slumArea, random));
		}
		return rows;
	}

	static long roundMillion(long idr) {
		return idr / 1_000_000L * 1_000_000L;
	}

	static long roundThousand(long idr) {
		return idr / 1_000L * 1_000L;
	}

	static String typeFor(String program, SplittableRandom random) {
		if (program.equals("pkt")) {
			return random.nextDouble() < 0.55 ? "road" : "drainage";
		}
		double x = random.nextDouble();
		for (int i = 0; i < TYPES.length; i++) {
			x -= TYPE_SHARES[i];
			if (x < 0) {
				return TYPES[i];
			}
		}
		return "road";
	}

}
