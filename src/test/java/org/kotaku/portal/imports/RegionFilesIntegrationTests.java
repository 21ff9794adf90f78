package org.kotaku.portal.imports;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.kotaku.portal.ingest.batch.BatchReport;
import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.ingest.batch.IngestRequest;
import org.kotaku.portal.ingest.IngestService;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real province and regency boundaries of ../shared/data load through the region
 * import path (the same ingestion as every dataset) with polygons and plausible areas.
 */
@IntegrationTest
class RegionFilesIntegrationTests {

	static final Path SHARED_DATA = Path.of("..", "shared", "data");

	@Autowired
	IngestService ingest;

	@Test
	void loadsRealProvinceAndRegencyBoundaries() throws Exception {
		assertThat(SHARED_DATA.resolve(RegionFiles.PROVINCES)).as("../shared/data beside the checkout").exists();
		List<Map<String, Object>> rows = new RegionFiles(SHARED_DATA).rows(2);
		BatchReport report = this.ingest
			.ingest(IngestRequest.upsert(Dataset.REGIONS, "boundary-import-test", false).withRepairedGeometries(),
					Flux.fromIterable(rows))
			.block(Duration.ofMinutes(2));
		assertThat(report.rowsReceived()).isEqualTo(552);

		try (Connection c = TestDatabase.shared().connect(); Statement s = c.createStatement()) {
			assertThat(count(s, "select count(*) from region where level = 1 and geom is not null")).isEqualTo(38);
			assertThat(count(s, "select count(*) from region where level = 2 and geom is not null")).isEqualTo(514);
			long jawaBaratHa = count(s, "select round(ST_Area(geom::geography) / 10000) from region where code = '32'");
			assertThat(jawaBaratHa).isBetween(3_400_000L, 3_900_000L);
			assertThat(count(s, "select round(area_km2) from region where code = '32'")).isBetween(34_000L, 39_000L);
			assertThat(count(s, "select count(*) from region where level = 2 and not ST_IsValid(geom)")).isZero();
		}
	}

	private static long count(Statement s, String query) throws Exception {
		try (ResultSet rows = s.executeQuery(query)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
