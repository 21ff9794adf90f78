package org.kotaku.portal.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One synthetic activity of an allocation: what was built, for how much, by whom, and how
 * far it got.
 */
final class DemoActivity {

	private DemoActivity() {
	}

	static Map<String, Object> row(DemoMoney.Allocation a, int index, long bpm, String slumArea,
			SplittableRandom random) {
		String type = a.program().equals("kawasan") ? (random.nextDouble() < 0.5 ? "drainage" : "road")
				: DemoMoney.typeFor(a.program(), random);
		long apbd = a.village().slum() && random.nextDouble() < 0.3
				? DemoMoney.roundThousand((long) (bpm * random.nextDouble(0.1, 0.3))) : 0;
		long csr = random.nextDouble() < 0.03 ? DemoMoney.roundMillion(random.nextLong(25_000_000L, 250_000_000L)) : 0;
		long swadaya = a.program().equals("kawasan") ? 0
				: DemoMoney.roundThousand((long) (bpm * random.nextDouble(0.05, 0.15)));
		long budget = bpm + apbd + csr + swadaya;
		String status = status(a.year(), random);
		double progress = switch (status) {
			case "completed" -> 100;
			case "planned" -> 0;
			case "cancelled" -> Math.round(random.nextDouble(0, 30));
			default -> Math.round(random.nextDouble(10, 95));
		};
		long disbursed = switch (status) {
			case "completed" -> DemoMoney.roundThousand((long) (budget * random.nextDouble(0.95, 1.0)));
			case "planned" -> 0;
			default -> DemoMoney.roundThousand((long) (budget * progress / 100 * random.nextDouble(0.8, 1.0)));
		};
		LocalDate start = LocalDate.of(a.year(), 3 + random.nextInt(6), 1 + random.nextInt(28));
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", "ACT-" + a.id().substring(4) + "-" + (index + 1));
		row.put("village", a.village().code());
		if (slumArea != null) {
			row.put("slumAreaId", slumArea);
		}
		row.put("allocationId", a.id());
		row.put("fiscalYear", a.year());
		row.put("type", type);
		row.put("name", DemoNames.activityName(type, a.program(), random));
		row.put("status", status);
		row.put("physicalProgress", progress);
		output(row, type, bpm + apbd + csr + swadaya, random);
		row.put("startDate", start.toString());
		if (status.equals("completed")) {
			row.put("endDate", start.plusDays(30 + random.nextInt(90)).toString());
		}
		row.put("budgetIdr", budget);
		row.put("disbursedIdr", disbursed);
		row.put("costBpmIdr", a.program().equals("other") ? 0 : bpm);
		row.put("costApbdIdr", a.program().equals("other") ? apbd + bpm : apbd);
		row.put("costCsrIdr", csr);
		row.put("costSwadayaIdr", swadaya);
		row.put("costOtherIdr", 0);
		int households = 20 + random.nextInt(280);
		int people = (int) Math.round(households * random.nextDouble(3.2, 3.8));
		row.put("beneficiaryHouseholds", households);
		row.put("beneficiaryPeople", people);
		row.put("beneficiaryWomen", (int) Math.round(people * random.nextDouble(0.47, 0.53)));
		row.put("beneficiaryLowIncome", (int) Math.round(households * random.nextDouble(0.4, 0.8)));
		labour(row, a.program(), budget, random);
		row.put("location",
				Map.of("type", "Point", "coordinates",
						java.util.List.of(DemoWorld.round(a.village().lon() + random.nextDouble(-0.004, 0.004)),
								DemoWorld.round(a.village().lat() + random.nextDouble(-0.004, 0.004)))));
		return row;
	}

	private static String status(int year, SplittableRandom random) {
		double x = random.nextDouble();
		if (year == DemoDataset.LAST_YEAR) {
			return x < 0.15 ? "planned" : (x < 0.5 ? "ongoing" : "completed");
		}
		if (year == DemoDataset.LAST_YEAR - 1) {
			return x < 0.08 ? "ongoing" : (x < 0.1 ? "cancelled" : "completed");
		}
		return x < 0.02 ? "cancelled" : "completed";
	}

	/**
	 * Output volume from the cost at 2018-2021 unit prices (shared/DOMAIN.md section 6).
	 */
	private static void output(Map<String, Object> row, String type, long cost, SplittableRandom random) {
		double unitCost;
		String unit;
		switch (type) {
			case "road" -> {
				unitCost = random.nextDouble(250_000, 600_000);
				unit = "m";
			}
			case "drainage" -> {
				unitCost = random.nextDouble(500_000, 1_200_000);
				unit = "m";
			}
			case "sanitation" -> {
				unitCost = random.nextDouble(3_000_000, 6_000_000);
				unit = "unit";
			}
			case "water" -> {
				unitCost = random.nextDouble(1_000_000, 3_000_000);
				unit = "kk";
			}
			case "waste" -> {
				unitCost = random.nextDouble(3_000_000, 6_000_000);
				unit = "unit";
			}
			case "fire" -> {
				unitCost = random.nextDouble(20_000_000, 100_000_000);
				unit = "unit";
			}
			default -> {
				unitCost = random.nextDouble(50_000_000, 200_000_000);
				unit = "unit";
			}
		}
		double volume = Math.max(1, cost / unitCost);
		row.put("outputVolume", unit.equals("m") ? Math.round(volume) : Math.max(1, Math.round(volume)));
		row.put("outputUnit", unit);
	}

	/** Cash-for-work: every PKT activity and about 40 % of the others pay wages. */
	private static void labour(Map<String, Object> row, String program, long budget, SplittableRandom random) {
		boolean pkt = program.equals("pkt");
		if (!pkt && random.nextDouble() >= 0.4) {
			return;
		}
		long dailyWage = DemoMoney.roundThousand(random.nextLong(80_000, 160_001));
		long wages = DemoMoney
			.roundThousand((long) (budget * (pkt ? random.nextDouble(0.65, 0.70) : random.nextDouble(0.15, 0.3))));
		int personDays = (int) Math.max(1, wages / dailyWage);
		int workers = (int) Math.max(5, Math.min(120, personDays / (30 + random.nextInt(31))));
		row.put("labourWorkers", workers);
		row.put("labourWomen", (int) Math.round(workers * random.nextDouble(0.2, 0.4)));
		row.put("labourPersonDays", personDays);
		row.put("labourDailyWageIdr", dailyWage);
		row.put("labourWagesIdr", wages);
	}

}
