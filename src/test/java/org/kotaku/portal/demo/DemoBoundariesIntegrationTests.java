package org.kotaku.portal.demo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every activity of the demo-scale synthetic dataset lies inside its city's real boundary
 * (the reconciliation check {@code activity-in-regency} passes on the demo the app loads
 * with the region files): synthetic villages are placed in a disc that fits inside the
 * boundary ({@code demo/places.txt}).
 */
@IntegrationTest
class DemoBoundariesIntegrationTests {

	static final Path SHARED_DATA = Path.of("..", "shared", "data");

	private static final String OUTSIDE = """
			select count(*) filter (where r.geom is not null),
			       count(*) filter (where r.geom is not null
			                        and not ST_Intersects(ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326), r.geom))
			from unnest(?::text[], ?::float8[], ?::float8[]) p (regency, lon, lat)
			join region r on r.code = p.regency""";

	@Autowired
	DemoLoader loader;

	@Test
	void everyDemoActivityLiesInsideItsRegencyBoundary() throws Exception {
		assertThat(SHARED_DATA.resolve("kabupaten_kota.geojson")).as("../shared/data beside the checkout").exists();
		this.loader.loadBoundaries(SHARED_DATA).then().block(Duration.ofMinutes(2));
		List<Map<String, Object>> rows = new DemoDataset(DemoScale.DEMO, DemoExport.DEFAULT_SEED)
			.rows(Dataset.ACTIVITIES)
			.collectList()
			.block();
		List<String> regencies = new ArrayList<>();
		List<Double> lons = new ArrayList<>();
		List<Double> lats = new ArrayList<>();
		for (Map<String, Object> row : rows) {
			List<?> coordinates = (List<?>) ((Map<?, ?>) row.get("location")).get("coordinates");
			regencies.add(((String) row.get("village")).substring(0, 5));
			lons.add(((Number) coordinates.get(0)).doubleValue());
			lats.add(((Number) coordinates.get(1)).doubleValue());
		}
		try (Connection c = TestDatabase.shared().connect(); PreparedStatement s = c.prepareStatement(OUTSIDE)) {
			s.setArray(1, c.createArrayOf("text", regencies.toArray()));
			s.setArray(2, c.createArrayOf("float8", lons.toArray()));
			s.setArray(3, c.createArrayOf("float8", lats.toArray()));
			try (ResultSet result = s.executeQuery()) {
				result.next();
				assertThat(result.getLong(1)).as("activities in a regency with a boundary").isEqualTo(rows.size());
				assertThat(result.getLong(2)).as("activities outside their regency").isZero();
			}
		}
	}

}
