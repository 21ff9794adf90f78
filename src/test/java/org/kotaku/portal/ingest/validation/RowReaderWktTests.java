package org.kotaku.portal.ingest.validation;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV cells may carry geometries as WKT: they read exactly like the GeoJSON of a JSON
 * upload.
 */
class RowReaderWktTests {

	@Test
	void wktPointReadsAsLonLat() {
		RowReader row = new RowReader(1, Map.of("location", "POINT (116.83 -1.24)"));
		assertThat(row.point("location", true)).containsExactly(116.83, -1.24);
		assertThat(row.valid()).isTrue();
	}

	@Test
	void wktPolygonReadsAsGeoJson() {
		RowReader row = new RowReader(1,
				Map.of("geometry", "MULTIPOLYGON (((116.8 -1.2, 116.9 -1.2, 116.9 -1.3, 116.8 -1.2)))"));
		assertThat(row.geoJson("geometry", true)).isEqualTo(
				"{\"type\":\"MultiPolygon\",\"coordinates\":[[[[116.8,-1.2],[116.9,-1.2],[116.9,-1.3],[116.8,-1.2]]]]}");
	}

	@Test
	void brokenWktIsOneProblemNamingTheField() {
		RowReader row = new RowReader(7, Map.of("geometry", "POLYGON ((116.8 -1.2, 116.9"));
		assertThat(row.geoJson("geometry", true)).isNull();
		assertThat(row.errors()).singleElement().satisfies((e) -> {
			assertThat(e.row()).isEqualTo(7);
			assertThat(e.field()).isEqualTo("geometry");
			assertThat(e.message()).contains("WKT");
		});
	}

	@Test
	void aPointOutsideIndonesiaIsRefused() {
		RowReader row = new RowReader(1, Map.of("location", "POINT (2.35 48.85)"));
		assertThat(row.point("location", true)).isNull();
		assertThat(row.errors()).singleElement().satisfies((e) -> assertThat(e.message()).contains("Indonesia"));
	}

}
