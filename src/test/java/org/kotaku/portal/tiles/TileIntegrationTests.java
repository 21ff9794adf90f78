package org.kotaku.portal.tiles;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.kotaku.portal.demo.DemoLoader;
import org.kotaku.portal.imports.RegionFiles;
import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.ingest.batch.IngestRequest;
import org.kotaku.portal.ingest.IngestService;
import org.kotaku.portal.readmodel.ReadModel;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.ReadModels;
import org.kotaku.portal.support.TestDatabase;
import org.kotaku.portal.support.TinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vector tiles on the tiny demo data with the real province and regency boundaries:
 * decoded tiles hold the expected layers, features and metrics; versioned URLs are
 * immutable; errors are problems.
 */
@IntegrationTest
class TileIntegrationTests {

	private static final Path SHARED_DATA = Path.of("..", "shared", "data");

	private static boolean boundariesLoaded;

	@Autowired
	WebTestClient client;

	@Autowired
	DemoLoader demo;

	@Autowired
	IngestService ingest;

	@Autowired
	ReadModel readModel;

	@Autowired
	TileCache tiles;

	@BeforeEach
	void loadDemoWithBoundaries() {
		TinyDemo.ensureLoaded(this.demo);
		synchronized (TileIntegrationTests.class) {
			if (!boundariesLoaded) {
				var rows = new RegionFiles(SHARED_DATA).rows(2);
				this.ingest
					.ingest(IngestRequest.upsert(Dataset.REGIONS, "tile-test-boundaries", false)
						.withRepairedGeometries(), Flux.fromIterable(rows))
					.block(Duration.ofMinutes(2));
				boundariesLoaded = true;
			}
		}
	}

	@Test
	void tileJsonNamesVersionedTileUrls() {
		long version = currentVersion();
		this.client.get()
			.uri("/tiles/regions.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches(HttpHeaders.ETAG, "W/\"v" + version + "-[0-9a-f]+\"")
			.expectBody()
			.jsonPath("$.tilejson")
			.isEqualTo("3.0.0")
			.jsonPath("$.tiles[0]")
			.value((String url) -> assertThat(url).startsWith("http://")
				.endsWith("/tiles/v" + version + "/regions/{z}/{x}/{y}.mvt"))
			.jsonPath("$.vector_layers[0].id")
			.isEqualTo("regions")
			.jsonPath("$.vector_layers[0].fields.disbursement_rate")
			.isEqualTo("Number");
	}

	@Test
	void nationalTileHoldsProvincesWithMetricsAndStaysSmall() throws Exception {
		// 2/3/1 lies on the antimeridian: its buffered envelope must not wrap around the
		// world
		for (int[] t : new int[][] { { 0, 0, 0 }, { 2, 3, 1 }, { 3, 6, 4 }, { 4, 13, 8 }, { 5, 26, 16 } }) {
			byte[] tile = tile("/tiles/regions/" + t[0] + "/" + t[1] + "/" + t[2] + ".mvt");
			assertThat(tile.length).as("z%d tile size", t[0]).isLessThan(500_000);
		}
		MvtDecoder.Layer regions = MvtDecoder.decode(tile("/tiles/regions/4/13/8.mvt")).get("regions");
		assertThat(regions.features()).extracting((f) -> f.properties().get("code")).contains("64", "73", "35");
		Map<String, Object> kaltim = regions.features()
			.stream()
			.filter((f) -> "64".equals(f.properties().get("code")))
			.findFirst()
			.orElseThrow()
			.properties();
		assertThat(((Number) kaltim.get("planned_idr")).longValue()).isPositive()
			.isEqualTo(query("select sum(ceiling_idr) from allocation where village_code like '64.%'"));
		assertThat(((Number) kaltim.get("disbursed_idr")).longValue()).isEqualTo(
				query("select sum(d.amount_idr) " + "from disbursement d join allocation a on a.id = d.allocation_id "
						+ "where a.village_code like '64.%' and d.status = 'disbursed'"));
		assertThat(((Number) kaltim.get("disbursement_rate")).doubleValue()).isBetween(0.0, 1.5);
		assertThat(((Number) kaltim.get("slum_baseline_ha")).doubleValue()).isPositive()
			.isCloseTo(query("select sum(area_ha * 100) from slum_area where regency_code like '64.%'") / 100.0,
					org.assertj.core.data.Offset.offset(0.001));
		assertThat(kaltim).containsKeys("slum_reduced_ha", "slum_reduced_pct", "disbursed_idr")
			.containsEntry("has_data", true);
		assertThat(regions.features()).allSatisfy((f) -> assertThat(f.type()).isEqualTo(3));
	}

	/**
	 * A region the program reported nothing for says so: has_data false and no metric,
	 * never a silent 0.
	 */
	@Test
	void regionsWithoutFiguresHaveNoMetricsInsteadOfZeros() throws Exception {
		List<Map<String, Object>> provinces = MvtDecoder.decode(tile("/tiles/regions/0/0/0.mvt"))
			.get("regions")
			.features()
			.stream()
			.map(MvtDecoder.Feature::properties)
			.toList();
		assertThat(provinces).allSatisfy(
				(p) -> assertThat(p.get("has_data")).as("province %s", p.get("code")).isInstanceOf(Boolean.class));
		assertThat(provinces).filteredOn((p) -> Boolean.TRUE.equals(p.get("has_data")))
			.isNotEmpty()
			.allSatisfy((p) -> assertThat(p).containsKeys("planned_idr", "disbursed_idr"));
		assertThat(provinces).filteredOn((p) -> Boolean.FALSE.equals(p.get("has_data")))
			.isNotEmpty()
			.allSatisfy((p) -> assertThat(p).doesNotContainKeys("planned_idr", "disbursed_idr", "disbursement_rate",
					"slum_baseline_ha", "slum_reduced_ha", "slum_reduced_pct"));
	}

	@Test
	void middleZoomTileHoldsRegencies() throws Exception {
		int[] xy = xy(116.85, -1.25, 8);
		MvtDecoder.Layer regions = MvtDecoder.decode(tile("/tiles/regions/8/" + xy[0] + "/" + xy[1] + ".mvt"))
			.get("regions");
		assertThat(regions.features()).extracting((f) -> f.properties().get("code")).contains("64.71");
		assertThat(regions.features()).allSatisfy((f) -> assertThat(f.properties().get("level")).isEqualTo(2L));
	}

	@Test
	void activityTilesHoldEveryActivityAsPointOrCluster() throws Exception {
		double[] activity = anActivityInBalikpapan();
		for (int z : new int[] { 5, 10, 14 }) {
			int[] t = { z };
			int[] xy = xy(activity[0], activity[1], z);
			long expected = activitiesIn(t[0], xy[0], xy[1]);
			assertThat(expected).as("activities near Balikpapan at z%d", t[0]).isPositive();
			MvtDecoder.Layer layer = MvtDecoder
				.decode(tile("/tiles/activities/" + t[0] + "/" + xy[0] + "/" + xy[1] + ".mvt"))
				.get("activities");
			long counted = layer.features()
				.stream()
				.mapToLong((f) -> ((Number) f.properties().get("count")).longValue())
				.sum();
			assertThat(counted).as("activities in the z%d tile", t[0]).isEqualTo(expected);
			assertThat(layer.features()).allSatisfy((f) -> assertThat(f.type()).isEqualTo(1));
			if (t[0] < TileRepository.ACTIVITY_POINT_ZOOM) {
				assertThat(layer.features().size()).isLessThan((int) expected);
			}
		}
	}

	@Test
	void slumAreaTilesHoldPointsThenOutlines() throws Exception {
		int[] low = xy(119.43, -5.14, 8);
		MvtDecoder.Layer points = MvtDecoder.decode(tile("/tiles/slum-areas/8/" + low[0] + "/" + low[1] + ".mvt"))
			.get("slum-areas");
		assertThat(points.features()).isNotEmpty().allSatisfy((f) -> assertThat(f.type()).isEqualTo(1));
		assertThat(points.features().get(0).properties()).containsKeys("id", "name", "area_ha");
	}

	@Test
	void emptyTileIsNoContent() {
		// the Pacific Ocean, far from any activity
		this.client.get()
			.uri("/tiles/activities/10/10/500.mvt")
			.exchange()
			.expectStatus()
			.isNoContent()
			.expectHeader()
			.exists(HttpHeaders.ETAG);
	}

	@Test
	void versionedTileIsImmutableAndUnversionedRevalidates() {
		long version = currentVersion();
		this.client.get()
			.uri("/tiles/v" + version + "/regions/4/13/8.mvt")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(TileHandler.MVT)
			.expectHeader()
			.value(HttpHeaders.CACHE_CONTROL, (v) -> assertThat(v).contains("immutable"));
		this.client.get()
			.uri("/tiles/regions/4/13/8.mvt")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.CACHE_CONTROL, (v) -> assertThat(v).contains("no-cache"))
			.expectHeader()
			.valueMatches(HttpHeaders.ETAG, "W/\"v" + version + "-[0-9a-f]+\"");
	}

	/**
	 * Tiles validate their own answers with the one ETag format; a 304 carries what the
	 * 200 says about caching.
	 */
	@Test
	void tilesRevalidateWithTheDataVersionAndA304CarriesTheValidatorsOfThe200() {
		long version = currentVersion();
		for (String path : List.of("/tiles/regions/4/13/8.mvt", "/tiles/regions.json",
				"/tiles/v" + version + "/regions/4/13/8.mvt", "/tiles/activities/10/10/500.mvt")) {
			var ok = this.client.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.is2xxSuccessful()
				.expectBody(byte[].class)
				.returnResult();
			String etag = ok.getResponseHeaders().getETag();
			assertThat(etag).as(path).matches("W/\"v" + version + "-[0-9a-f]+\"");
			assertThat(ok.getResponseHeaders().getFirst("X-Data-Version")).as(path).isEqualTo(Long.toString(version));
			var notModified = this.client.get()
				.uri(path)
				.header(HttpHeaders.IF_NONE_MATCH, etag)
				.exchange()
				.expectStatus()
				.isNotModified()
				.expectBody()
				.isEmpty();
			for (String header : List.of(HttpHeaders.ETAG, HttpHeaders.CACHE_CONTROL, "X-Data-Version",
					"X-Data-As-Of")) {
				assertThat(notModified.getResponseHeaders().get(header)).as(path + " " + header)
					.isEqualTo(ok.getResponseHeaders().get(header))
					.isNotNull();
			}
			assertThat(notModified.getResponseHeaders().getVary()).as(path).contains(HttpHeaders.ACCEPT);
			this.client.get()
				.uri(path)
				.header(HttpHeaders.IF_NONE_MATCH, "W/\"v" + (version - 1) + "-0\"")
				.exchange()
				.expectStatus()
				.is2xxSuccessful();
		}
	}

	/**
	 * The first request loads and prepares the tile; the next ones are replayed from
	 * memory with the same answer.
	 */
	@Test
	void versionedTileIsReplayedFromMemoryWithTheSameAnswer() {
		ReadModels.awaitLatest(this.readModel);
		long version = currentVersion();
		String path = "/tiles/v" + version + "/regions/5/26/16.mvt";
		var routed = this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult();
		assertThat(this.tiles.find(MockServerHttpRequest.get(path).build(), version)).as("prepared for the fast path")
			.isNotNull();
		assertThat(this.tiles.find(MockServerHttpRequest.get(path).build(), version + 1)).isNull();
		var replayed = this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult();
		assertThat(replayed.getResponseBody()).isEqualTo(routed.getResponseBody());
		for (String header : List.of(HttpHeaders.ETAG, HttpHeaders.CACHE_CONTROL, HttpHeaders.CONTENT_TYPE,
				HttpHeaders.CONTENT_LENGTH, HttpHeaders.VARY, "X-Data-Version", "X-Content-Type-Options",
				"Content-Security-Policy", "X-Frame-Options", HttpHeaders.LINK)) {
			assertThat(replayed.getResponseHeaders().get(header)).as(header)
				.isEqualTo(routed.getResponseHeaders().get(header))
				.isNotNull();
		}
		this.client.get()
			.uri(path)
			.header(HttpHeaders.IF_NONE_MATCH, replayed.getResponseHeaders().getETag())
			.exchange()
			.expectStatus()
			.isNotModified();
		this.client.head()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentLength(routed.getResponseBody().length)
			.expectBody()
			.isEmpty();
	}

	@Test
	void oldVersionRedirectsToTheCurrentAndFutureVersionIsNotFound() {
		long version = currentVersion();
		this.client.get()
			.uri("/tiles/v1/regions/4/13/8.mvt")
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.value(HttpHeaders.LOCATION, (l) -> assertThat(l).endsWith("/tiles/v" + version + "/regions/4/13/8.mvt"));
		this.client.get()
			.uri("/tiles/v" + (version + 1) + "/regions/4/13/8.mvt")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void addressOutsideTheGridIsBadRequest() {
		for (String path : new String[] { "/tiles/regions/3/8/0.mvt", "/tiles/regions/3/0/-1.mvt",
				"/tiles/regions/30/0/0.mvt", "/tiles/regions/a/0/0.mvt", "/tiles/regions/3/0/0.png" }) {
			this.client.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("/problems/invalid-parameter");
		}
	}

	@Test
	void unknownLayerIsNotFound() {
		for (String path : new String[] { "/tiles/rivers/3/0/0.mvt", "/tiles/rivers.json", "/tiles/v1/rivers/3/0/0.mvt",
				"/tiles/regions" }) {
			this.client.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	private byte[] tile(String path) {
		return this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(TileHandler.MVT)
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
	}

	/** The XYZ tile holding a point. */
	static int[] xy(double lon, double lat, int z) {
		double n = Math.pow(2, z);
		double rad = Math.toRadians(lat);
		int x = (int) Math.floor((lon + 180) / 360 * n);
		int y = (int) Math.floor((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * n);
		return new int[] { x, y };
	}

	private static long activitiesIn(int z, int x, int y) throws Exception {
		return query("select count(*) from activity where location && ST_Transform(ST_TileEnvelope(?, ?, ?), 4326)", z,
				x, y);
	}

	private static double[] anActivityInBalikpapan() throws Exception {
		try (Connection c = TestDatabase.shared().connect();
				PreparedStatement s = c.prepareStatement("select ST_X(location), ST_Y(location) from activity "
						+ "where village_code like '64.71.%' and location is not null order by id limit 1");
				ResultSet rows = s.executeQuery()) {
			rows.next();
			return new double[] { rows.getDouble(1), rows.getDouble(2) };
		}
	}

	private static long currentVersion() {
		try {
			return query("select max(data_version) from ingest_batch");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long query(String sql, int... args) throws Exception {
		try (Connection c = TestDatabase.shared().connect(); PreparedStatement s = c.prepareStatement(sql)) {
			for (int i = 0; i < args.length; i++) {
				s.setInt(i + 1, args[i]);
			}
			try (ResultSet rows = s.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

}
