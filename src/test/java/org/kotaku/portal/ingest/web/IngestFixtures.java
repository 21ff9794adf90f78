package org.kotaku.portal.ingest.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.demo.DemoDataset;
import org.kotaku.portal.demo.DemoScale;
import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.support.TinyDemo;

/**
 * Valid upload rows of every dataset for HTTP tests: rows of the tiny synthetic dataset
 * (whose regions and references the test database holds) with ids of their own, so they
 * never touch the rows of other tests, written as NDJSON, a JSON array or CSV.
 */
final class IngestFixtures {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private IngestFixtures() {
	}

	/**
	 * The first {@code count} rows of a dataset with ids of their own that keep referring
	 * to the stored tiny dataset (its slum areas and allocations).
	 */
	static List<Map<String, Object>> standalone(Dataset dataset, String prefix, int count) {
		List<Map<String, Object>> rows = rows(dataset, prefix, count);
		for (String field : List.of("slumAreaId", "allocationId")) {
			rows.forEach((row) -> row.computeIfPresent(field, (k, v) -> v.toString().substring(prefix.length())));
		}
		return rows;
	}

	/**
	 * {@code count} copies of the first standalone activity, with ids {@code prefix + n}
	 * and the same name.
	 */
	static List<Map<String, Object>> activities(String prefix, int count, String name) {
		Map<String, Object> template = standalone(Dataset.ACTIVITIES, prefix, 1).get(0);
		List<Map<String, Object>> rows = new ArrayList<>(count);
		for (int n = 0; n < count; n++) {
			Map<String, Object> row = new LinkedHashMap<>(template);
			row.put("id", prefix + n);
			row.put("name", name);
			rows.add(row);
		}
		return rows;
	}

	/**
	 * The first {@code count} rows of a dataset, renamed under {@code prefix} (ids and
	 * references alike).
	 */
	static List<Map<String, Object>> rows(Dataset dataset, String prefix, int count) {
		DemoDataset demo = new DemoDataset(DemoScale.TINY, TinyDemo.SEED);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Map<String, Object> row : demo.rows(dataset).filter((r) -> keep(dataset, r)).take(count).toIterable()) {
			rows.add(rename(dataset, prefix, new LinkedHashMap<>(row), rows.size()));
		}
		return rows;
	}

	private static boolean keep(Dataset dataset, Map<String, Object> row) {
		return dataset != Dataset.REGIONS || row.get("code").toString().length() == 13;
	}

	private static Map<String, Object> rename(Dataset dataset, String prefix, Map<String, Object> row, int index) {
		switch (dataset) {
			case REGIONS ->
				row.put("code", row.get("code").toString().substring(0, 9) + String.format("%04d", 9000 + index));
			case ACCESS_INDICATORS -> row.put("year", ((Number) row.get("year")).intValue() + 70);
			default -> {
				for (String field : List.of("id", "slumAreaId", "allocationId", "decreeId")) {
					row.computeIfPresent(field, (k, v) -> prefix + v);
				}
			}
		}
		return row;
	}

	static String ndjson(List<Map<String, Object>> rows) {
		return rows.stream().map(JSON::writeValueAsString).collect(Collectors.joining("\n", "", "\n"));
	}

	static String jsonArray(List<Map<String, Object>> rows) {
		return JSON.writeValueAsString(rows);
	}

	/**
	 * RFC 4180 CSV with a header row; nested values (a point becomes lon/lat) are written
	 * as JSON text.
	 */
	static String csv(List<Map<String, Object>> rows) {
		List<Map<String, Object>> flat = rows.stream().map(IngestFixtures::flatten).toList();
		List<String> header = flat.stream().flatMap((r) -> r.keySet().stream()).distinct().toList();
		StringBuilder out = new StringBuilder(String.join(",", header)).append("\r\n");
		for (Map<String, Object> row : flat) {
			out.append(header.stream().map((h) -> cell(row.get(h))).collect(Collectors.joining(","))).append("\r\n");
		}
		return out.toString();
	}

	private static Map<String, Object> flatten(Map<String, Object> row) {
		Map<String, Object> flat = new LinkedHashMap<>(row);
		if (flat.remove("volumes") instanceof Map<?, ?> volumes) {
			volumes.forEach((criterion, volume) -> flat.put("volume" + criterion, volume));
		}
		if (flat.get("location") instanceof Map<?, ?> point && point.get("coordinates") instanceof List<?> xy
				&& xy.size() == 2) {
			flat.remove("location");
			flat.put("lon", xy.get(0));
			flat.put("lat", xy.get(1));
		}
		return flat;
	}

	private static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String text;
		if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
			text = list.stream().map(Object::toString).collect(Collectors.joining(";")); // village
																							// code
																							// lists
		}
		else {
			text = (value instanceof Map || value instanceof List) ? JSON.writeValueAsString(value) : value.toString();
		}
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

}
