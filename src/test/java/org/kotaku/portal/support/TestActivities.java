package org.kotaku.portal.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;

import org.kotaku.portal.ingest.batch.BatchReport;
import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.ingest.batch.IngestRequest;
import org.kotaku.portal.ingest.IngestService;

/**
 * Writes activities of a test's own through the real ingestion path (one committed batch
 * per call).
 */
public final class TestActivities {

	private TestActivities() {
	}

	/**
	 * A valid activity row in {@code village}, funded by BPM only, located at
	 * {@code lon, lat}.
	 */
	public static Map<String, Object> row(String id, String village, String name, long budget, double lon, double lat) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", id);
		row.put("village", village);
		row.put("fiscalYear", 2021);
		row.put("type", "drainage");
		row.put("name", name);
		row.put("status", "ongoing");
		row.put("physicalProgress", 40);
		row.put("budgetIdr", budget);
		row.put("disbursedIdr", budget / 2);
		row.put("costBpmIdr", budget);
		row.put("location", Map.of("type", "Point", "coordinates", List.of(lon, lat)));
		return row;
	}

	public static BatchReport ingest(IngestService ingest, List<Map<String, Object>> rows) {
		return ingest.ingest(IngestRequest.upsert(Dataset.ACTIVITIES, "api-tests", false), Flux.fromIterable(rows))
			.block(Duration.ofMinutes(1));
	}

}
