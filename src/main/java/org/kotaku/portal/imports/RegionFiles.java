package org.kotaku.portal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.ingest.validation.CsvRows;

/**
 * Reads the open region files (the Kemendagri code list {@code wilayah_kode.csv}, area
 * and population {@code wilayah_prov_kabkota_stats.csv}, and the boundaries
 * {@code provinces.geojson} and {@code kabupaten_kota.geojson}) from one folder and
 * writes them as rows of the {@code regions} dataset: code, name and type from the code
 * list, area and population from the statistics, geometry and label point from the
 * boundaries, joined on the dotted code. Files that are absent are skipped.
 */
public final class RegionFiles {

	public static final String CODES = "wilayah_kode.csv";

	public static final String STATS = "wilayah_prov_kabkota_stats.csv";

	public static final String PROVINCES = "provinces.geojson";

	public static final String REGENCIES = "kabupaten_kota.geojson";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path folder;

	public RegionFiles(Path folder) {
		this.folder = folder;
	}

	/**
	 * Region rows down to {@code maxLevel} (1 provinces ... 4 villages), parents first.
	 */
	public List<Map<String, Object>> rows(int maxLevel) {
		Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
		readCsv(CODES).stream()
			.filter((r) -> Integer.parseInt(r.get("level")) <= maxLevel)
			.forEach((r) -> rows.put(r.get("kode"), codeRow(r)));
		for (Map<String, String> stat : readCsv(STATS)) {
			Map<String, Object> row = rows.get(stat.get("kode"));
			if (row != null) {
				row.put("areaKm2", stat.get("luas_km2"));
				row.put("population", stat.get("penduduk_total"));
			}
		}
		addBoundaries(rows, PROVINCES);
		addBoundaries(rows, REGENCIES);
		List<Map<String, Object>> ordered = new ArrayList<>(rows.values());
		ordered.sort(java.util.Comparator.comparingInt((r) -> r.get("code").toString().length()));
		return ordered;
	}

	private static Map<String, Object> codeRow(Map<String, String> csv) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("code", csv.get("kode"));
		row.put("name", csv.get("nama"));
		row.put("type", csv.get("tipe"));
		return row;
	}

	private void addBoundaries(Map<String, Map<String, Object>> rows, String file) {
		Path path = this.folder.resolve(file);
		if (!Files.exists(path)) {
			return;
		}
		JsonNode collection = JSON.readTree(path.toFile());
		for (JsonNode feature : collection.get("features")) {
			JsonNode properties = feature.get("properties");
			Map<String, Object> row = rows.get(properties.get("kode").asString());
			if (row == null) {
				continue;
			}
			row.put("geometry", feature.get("geometry").toString());
			row.put("labelLon", properties.get("label_lng").asDouble());
			row.put("labelLat", properties.get("label_lat").asDouble());
		}
	}

	private List<Map<String, String>> readCsv(String file) {
		Path path = this.folder.resolve(file);
		if (!Files.exists(path)) {
			return List.of();
		}
		List<Map<String, String>> rows = new ArrayList<>();
		try (InputStream in = Files.newInputStream(path); MappingIterator<Map<String, Object>> csv = CsvRows.read(in)) {
			csv.forEachRemaining((row) -> rows.add(text(row)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	private static Map<String, String> text(Map<String, Object> row) {
		Map<String, String> text = new HashMap<>();
		row.forEach((field, value) -> text.put(field, value == null ? null : value.toString()));
		return text;
	}

}
