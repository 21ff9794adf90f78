package org.kotaku.portal.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The places of the synthetic dataset: the 38 real provinces, real program cities (and,
 * at national scale, synthetic regencies), with synthetic districts and villages placed
 * around each city's label point so that the map looks like Indonesia. Deterministic for
 * a given scale and seed.
 */
final class DemoWorld {

	private static final String[] TINY_CITIES = { "64.71", "73.71", "35.78", "32.73" };

	private static final String[] PREFIXES = { "Suka", "Karang", "Tanjung", "Sido", "Mekar", "Sumber", "Banjar",
			"Kebon", "Teluk", "Bukit", "Tegal", "Wono", "Pasir", "Rawa", "Cempaka", "Kampung", "Sungai", "Air", "Batu",
			"Lembah", "Gunung", "Padang", "Kota", "Pulo", "Harapan", "Tambak", "Pondok", "Jati", "Kali", "Bumi" };

	private static final String[] SUFFIXES = { "maju", "jaya", "rejo", "sari", "mulya", "harjo", "asri", "makmur",
			"indah", "baru", "raya", "permai", "agung", "rahayu", "mekar", "lestari", "timur", "barat", "utara",
			"selatan", "tengah", "wangi", "manis", "kencana", "damai", "sejahtera" };

	/**
	 * A place; {@code radius} (degrees) bounds its synthetic villages, 0 for the default
	 * of its kind.
	 */
	record Place(String code, String name, double lon, double lat, double radius) {
	}

	record Village(String code, String name, String type, double lon, double lat, Regency regency, int households,
			boolean slum) {
	}

	record Regency(Place place, String provinceCode, boolean city, boolean synthetic, List<Place> districts,
			List<Village> villages) {
	}

	final List<Place> provinces = new ArrayList<>();

	final List<Regency> regencies = new ArrayList<>();

	DemoWorld(DemoScale scale, long seed) {
		Map<String, Place> places = readPlaces();
		places.values().stream().filter((p) -> !p.code().contains(".")).forEach(this.provinces::add);
		List<Place> cities = places.values().stream().filter((p) -> p.code().contains(".")).toList();
		if (scale == DemoScale.TINY) {
			cities = List.of(TINY_CITIES).stream().map(places::get).toList();
		}
		SplittableRandom random = new SplittableRandom(seed);
		for (Place city : cities.subList(0, Math.min(scale.realRegencies, cities.size()))) {
			this.regencies.add(regency(city, false, scale, random.split()));
		}
		for (int i = 0; i < scale.syntheticRegencies; i++) {
			this.regencies.add(regency(syntheticRegency(i, random), true, scale, random.split()));
		}
	}

	List<Village> villages() {
		return this.regencies.stream().flatMap((r) -> r.villages().stream()).toList();
	}

	private Place syntheticRegency(int index, SplittableRandom random) {
		Place province = this.provinces.get(index % this.provinces.size());
		int number = 41 + index / this.provinces.size();
		double lon = province.lon() + random.nextDouble(-0.4, 0.4);
		double lat = province.lat() + random.nextDouble(-0.4, 0.4);
		return new Place(province.code() + "." + number, "Kabupaten Sintetis " + province.code() + "." + number, lon,
				lat, 0);
	}

	private static Regency regency(Place place, boolean synthetic, DemoScale scale, SplittableRandom random) {
		boolean city = place.name().startsWith("Kota");
		int districtCount = Math.max(2, scale.villagesPerRegency / 5);
		List<Place> districts = new ArrayList<>();
		List<Village> villages = new ArrayList<>();
		Regency regency = new Regency(place, place.code().substring(0, 2), city, synthetic, districts, villages);
		double radius = (place.radius() > 0) ? place.radius() : (city ? 0.02 : 0.08);
		for (int d = 1; d <= districtCount; d++) {
			String districtCode = place.code() + "." + two(d);
			districts.add(new Place(districtCode, name(random), place.lon(), place.lat(), 0));
		}
		for (int v = 0; v < scale.villagesPerRegency; v++) {
			Place district = districts.get(v % districtCount);
			boolean kelurahan = city || random.nextDouble() < 0.3;
			int serial = (kelurahan ? 1001 : 2001) + v / districtCount;
			double angle = random.nextDouble(0, 2 * Math.PI);
			double distance = radius * Math.sqrt(random.nextDouble());
			villages.add(new Village(district.code() + "." + serial, name(random), kelurahan ? "kelurahan" : "desa",
					round(place.lon() + distance * Math.cos(angle)), round(place.lat() + distance * Math.sin(angle)),
					regency, random.nextInt(600, 4_000), random.nextDouble() < 0.25));
		}
		return regency;
	}

	private static String name(SplittableRandom random) {
		return PREFIXES[random.nextInt(PREFIXES.length)] + SUFFIXES[random.nextInt(SUFFIXES.length)];
	}

	private static String two(int n) {
		return n < 10 ? "0" + n : Integer.toString(n);
	}

	static double round(double degrees) {
		return Math.round(degrees * 1e5) / 1e5;
	}

	private static Map<String, Place> readPlaces() {
		Map<String, Place> places = new LinkedHashMap<>();
		try (var in = DemoWorld.class.getResourceAsStream("/demo/places.txt");
				var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			reader.lines().filter((line) -> !line.startsWith("#") && !line.isBlank()).forEach((line) -> {
				String[] f = line.split(";");
				places.put(f[0], new Place(f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]),
						(f.length > 4) ? Double.parseDouble(f[4]) : 0));
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return places;
	}

}
