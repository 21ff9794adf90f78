package org.kotaku.portal.tiles;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.TestDatabase;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filters of the tiles (issue #13): year and type narrow the activities of point and
 * cluster tiles to exactly what the activity table holds; level and parent draw the
 * regions of one level below a region at every zoom; bad values are 400 problems naming
 * the parameter; the tile cache, the fast path and the ETag key a tile by its filter; the
 * TileJSON names the filter in its tile URLs.
 */
@IntegrationTest
@WithTinyDemo(readModel = true)
class TileFilterIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	TileCache tiles;

	@Test
	void yearAndTypeNarrowTheActivitiesOfPointAndClusterTiles() throws Exception {
		double[] where = anActivityInBalikpapan();
		int year = busiestYear();
		for (int z : new int[] { 4, 8, 11, 13 }) {
			int[] xy = TileIntegrationTests.xy(where[0], where[1], z);
			String tile = "/tiles/activities/" + z + "/" + xy[0] + "/" + xy[1] + ".mvt";
			long all = counted(tile);
			long ofYear = counted(tile + "?year=" + year);
			long drainage = counted(tile + "?type=drainage");
			long both = counted(tile + "?year=" + year + "&type=drainage,road");
			assertThat(all).as("z%d", z).isEqualTo(located(z, xy, null, null)).isPositive();
			assertThat(ofYear).as("z%d year", z).isEqualTo(located(z, xy, year, null)).isPositive().isLessThan(all);
			assertThat(drainage).as("z%d type", z)
				.isEqualTo(located(z, xy, null, "drainage"))
				.isPositive()
				.isLessThan(all);
			assertThat(both).as("z%d year and types", z)
				.isEqualTo(located(z, xy, year, "drainage,road"))
				.isLessThan(ofYear);
		}
		int[] xy = TileIntegrationTests.xy(where[0], where[1], 13);
		List<MvtDecoder.Feature> points = features("/tiles/activities/13/" + xy[0] + "/" + xy[1] + ".mvt?year=" + year);
		assertThat(points).isNotEmpty()
			.allSatisfy((f) -> assertThat(f.properties()).containsEntry("fiscal_year", (long) year)
				.containsEntry("cluster", false)
				.containsKeys("id", "disbursed_idr"));
	}

	@Test
	void aLevelBelowAParentIsDrawnAtEveryZoomWithWhatExists() throws Exception {
		String district = districtOf("64.71");
		double[] where = anActivityInBalikpapan();
		// zoom 4 would draw provinces without a level; with one it draws the districts of
		// Kota Balikpapan, as points
		// (they have neither a boundary nor a label point: the centre of their villages'
		// label points)
		int[] low = TileIntegrationTests.xy(where[0], where[1], 4);
		List<MvtDecoder.Feature> districts = features(
				"/tiles/regions/4/" + low[0] + "/" + low[1] + ".mvt?level=3&parent=64.71");
		assertThat(districts).isNotEmpty().allSatisfy((f) -> {
			assertThat(f.type()).isEqualTo(1);
			assertThat((String) f.properties().get("code")).startsWith("64.71.");
			assertThat(f.properties()).containsEntry("level", 3L).containsKey("has_data");
		});
		assertThat(districts).extracting((f) -> f.properties().get("code")).contains(district);
		assertThat(districts).filteredOn((f) -> Boolean.TRUE.equals(f.properties().get("has_data")))
			.isNotEmpty()
			.allSatisfy((f) -> assertThat(f.properties()).containsKey("planned_idr"));
		int[] high = TileIntegrationTests.xy(where[0], where[1], 12);
		List<MvtDecoder.Feature> villages = features(
				"/tiles/regions/12/" + high[0] + "/" + high[1] + ".mvt?level=4&parent=" + district);
		assertThat(villages).isNotEmpty().allSatisfy((f) -> {
			assertThat((String) f.properties().get("code")).startsWith(district + ".");
			assertThat(f.properties()).containsEntry("level", 4L);
		});
		List<MvtDecoder.Feature> regencies = features(
				"/tiles/regions/4/" + low[0] + "/" + low[1] + ".mvt?level=2&parent=64");
		assertThat(regencies).isNotEmpty()
			.allSatisfy((f) -> assertThat((String) f.properties().get("code")).startsWith("64."));
	}

	@Test
	void badFilterValuesAreProblemsNamingTheParameter() {
		Map<String, String> bad = Map.ofEntries(Map.entry("/tiles/activities/4/13/8.mvt?year=1999", "year"),
				Map.entry("/tiles/activities/4/13/8.mvt?year=twenty", "year"),
				Map.entry("/tiles/activities/4/13/8.mvt?year=2020&year=2021", "year"),
				Map.entry("/tiles/activities/4/13/8.mvt?type=road,bogus", "type"),
				Map.entry("/tiles/activities/4/13/8.mvt?yaer=2020", "yaer"),
				Map.entry("/tiles/activities/4/13/8.mvt?level=2", "level"),
				Map.entry("/tiles/activities.json?type=", "type"),
				Map.entry("/tiles/slum-areas/4/13/8.mvt?year=2020", "year"),
				Map.entry("/tiles/regions/4/13/8.mvt?year=2020", "year"),
				Map.entry("/tiles/regions/4/13/8.mvt?level=5", "level"),
				Map.entry("/tiles/regions/4/13/8.mvt?level=3", "parent"),
				Map.entry("/tiles/regions/4/13/8.mvt?level=4&parent=64", "parent"),
				Map.entry("/tiles/regions/4/13/8.mvt?level=2&parent=64.71", "level"),
				Map.entry("/tiles/regions/4/13/8.mvt?parent=64", "parent"),
				Map.entry("/tiles/regions/4/13/8.mvt?level=3&parent=6x", "parent"));
		bad.forEach((path, parameter) -> this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/invalid-parameter")
			.jsonPath("$.parameter")
			.isEqualTo(parameter));
		long version = currentVersion();
		this.client.get()
			.uri("/tiles/v" + version + "/regions/4/13/8.mvt?level=3&parent=64.99")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.NOT_FOUND)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void theCacheAndTheFastPathKeyATileByItsFilter() {
		double[] where = anActivityInBalikpapan();
		int[] xy = TileIntegrationTests.xy(where[0], where[1], 8);
		long version = currentVersion();
		String path = "/tiles/v" + version + "/activities/8/" + xy[0] + "/" + xy[1] + ".mvt";
		byte[] drainage = this.client.get()
			.uri(path + "?type=drainage,road&year=2019")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(this.tiles.find(MockServerHttpRequest.get(path + "?year=2019&type=road,drainage").build(), version))
			.as("the same filter in another order")
			.isNotNull();
		assertThat(this.tiles.find(MockServerHttpRequest.get(path + "?year=2019&type=drainage").build(), version))
			.isNull();
		assertThat(this.tiles.find(MockServerHttpRequest.get(path + "?year=2020&type=drainage,road").build(), version))
			.isNull();
		assertThat(this.tiles.find(MockServerHttpRequest.get(path + "?year=2019&type=drainage,road&yaer=1").build(),
				version))
			.as("a bad parameter is left to the routed handler")
			.isNull();
		byte[] all = this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(all).isNotEqualTo(drainage);
		byte[] replayed = this.client.get()
			.uri(path + "?year=2019&type=road,drainage")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(replayed).isEqualTo(drainage);
		// MapLibre revalidates a tile with the ETag of the tile it had when the source's
		// URLs change: the ETag of
		// another filter must not be a 304
		String etag = this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(byte[].class)
			.getResponseHeaders()
			.getETag();
		assertThat(etag).matches("W/\"v" + version + "-[0-9a-f]+\"");
		String filtered = this.client.get()
			.uri(path + "?year=2019&type=road,drainage")
			.header("If-None-Match", etag)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(byte[].class)
			.getResponseHeaders()
			.getETag();
		assertThat(filtered).matches("W/\"v" + version + "-[0-9a-f]+\"").isNotEqualTo(etag);
		this.client.get()
			.uri(path + "?type=road,drainage&year=2019")
			.header("If-None-Match", filtered)
			.exchange()
			.expectStatus()
			.isNotModified();
		this.client.get()
			.uri("/tiles/activities.json?year=2019&type=road,drainage")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.tiles[0]")
			.value((String url) -> assertThat(url)
				.endsWith("/tiles/v" + version + "/activities/{z}/{x}/{y}.mvt?type=drainage,road&year=2019"));
		this.client.get()
			.uri("/tiles/v1/activities/8/" + xy[0] + "/" + xy[1] + ".mvt?year=2019")
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.value("Location", (l) -> assertThat(l).endsWith("?year=2019"));
	}

	private long counted(String path) throws IOException {
		return features(path).stream().mapToLong((f) -> ((Number) f.properties().get("count")).longValue()).sum();
	}

	private List<MvtDecoder.Feature> features(String path) throws IOException {
		byte[] body = this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		if (body == null || body.length == 0) {
			return List.of();
		}
		MvtDecoder.Layer layer = MvtDecoder.decode(body).values().iterator().next();
		return layer.features();
	}

	/**
	 * Located activities in a tile, of a year and comma-separated types when given. A
	 * tile holds the points of its envelope in web mercator with its left and top edges
	 * (as its cells do); {@code &&} alone is not that test: it compares float4 boxes
	 * rounded outwards, so it also takes points up to about a metre outside the tile (it
	 * once counted 11,292 activities in a tile of 11,291 once 50,000 random ones lay
	 * around its edge).
	 */
	private static long located(int z, int[] xy, Integer year, String types) throws Exception {
		String sql = "select count(*) from activity a cross join lateral (select ST_TileEnvelope(?, ?, ?) as e, "
				+ "ST_Transform(a.location, 3857) as p) t where a.location && ST_Transform(t.e, 4326) "
				+ "and ST_X(t.p) >= ST_XMin(t.e) and ST_X(t.p) < ST_XMax(t.e) "
				+ "and ST_Y(t.p) > ST_YMin(t.e) and ST_Y(t.p) <= ST_YMax(t.e)"
				+ (year == null ? "" : " and fiscal_year = " + year)
				+ (types == null ? "" : " and type = any(string_to_array('" + types + "', ','))");
		try (Connection c = TestDatabase.shared().connect(); PreparedStatement s = c.prepareStatement(sql)) {
			s.setInt(1, z);
			s.setInt(2, xy[0]);
			s.setInt(3, xy[1]);
			try (ResultSet rows = s.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	private static double[] anActivityInBalikpapan() {
		List<String> row = row("select ST_X(location), ST_Y(location) from activity where village_code like '64.71.%' "
				+ "and location is not null order by id limit 1");
		return new double[] { Double.parseDouble(row.get(0)), Double.parseDouble(row.get(1)) };
	}

	private static int busiestYear() {
		return Integer.parseInt(row("select fiscal_year from activity where village_code like '64.71.%' "
				+ "group by 1 order by count(*) desc, 1 limit 1")
			.get(0));
	}

	/** A district of a regency with located villages. */
	private static String districtOf(String regency) {
		return row("select parent_code from region where level = 4 and label_point is not null and code like '"
				+ regency + ".%' order by code limit 1")
			.get(0);
	}

	private static long currentVersion() {
		return Long.parseLong(row("select max(data_version) from ingest_batch").get(0));
	}

	private static List<String> row(String sql) {
		try (Connection c = TestDatabase.shared().connect();
				PreparedStatement s = c.prepareStatement(sql);
				ResultSet rows = s.executeQuery()) {
			rows.next();
			List<String> values = new ArrayList<>();
			for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
				values.add(rows.getString(i));
			}
			return values;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
