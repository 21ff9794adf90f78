package org.kotaku.portal.demo;

import java.util.SplittableRandom;

/** Plausible Indonesian names for synthetic activities. */
final class DemoNames {

	private DemoNames() {
	}

	static String activityName(String type, String program, SplittableRandom random) {
		String place = " RT " + two(1 + random.nextInt(12)) + "/RW " + two(1 + random.nextInt(8));
		String work = switch (type) {
			case "road" -> pick(random, "Pembangunan jalan rabat beton", "Pemasangan paving block jalan lingkungan",
					"Peningkatan jalan lingkungan");
			case "drainage" -> pick(random, "Pembangunan saluran drainase", "Rehabilitasi drainase lingkungan",
					"Pembangunan drainase U-ditch");
			case "sanitation" ->
				pick(random, "Pembangunan septic tank individual", "Pembangunan IPAL komunal", "Pembangunan MCK umum");
			case "water" -> pick(random, "Pemasangan sambungan rumah air minum", "Pembangunan hidran umum",
					"Pembangunan sumur bor");
			case "waste" ->
				pick(random, "Pengadaan gerobak sampah", "Pembangunan TPS3R", "Pengadaan tong sampah terpilah");
			case "fire" ->
				pick(random, "Pengadaan APAR", "Pembangunan hidran kebakaran", "Pembangunan tandon air kebakaran");
			default -> pick(random, "Pembangunan taman bermain", "Penataan ruang terbuka publik", "Pembangunan RTH");
		};
		return (program.equals("pkt") ? "Padat karya: " : "") + work + place;
	}

	private static String pick(SplittableRandom random, String... options) {
		return options[random.nextInt(options.length)];
	}

	private static String two(int n) {
		return n < 10 ? "0" + n : Integer.toString(n);
	}

}
