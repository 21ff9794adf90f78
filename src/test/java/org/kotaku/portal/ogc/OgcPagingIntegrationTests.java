package org.kotaku.portal.ogc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.vocabulary.ActivityType;
import org.kotaku.portal.demo.DemoLoader;
import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.ingest.batch.IngestRequest;
import org.kotaku.portal.ingest.IngestService;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.TestDatabase;
import org.kotaku.portal.support.TinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyset paging is exact: walking every {@code next} link of a bbox query over 50,000
 * matching activities yields each of them exactly once, and walking back with
 * {@code prev} retraces the same pages.
 */
@IntegrationTest
@SuppressWarnings("unchecked")
class OgcPagingIntegrationTests {

	static final int GENERATED = 50_000;

	static final String BBOX = "116.0,-1.6,117.0,-0.6";

	private static boolean generated;

	@Autowired
	WebTestClient client;

	@Autowired
	DemoLoader demo;

	@Autowired
	IngestService ingest;

	@BeforeEach
	void loadManyActivities() throws Exception {
		TinyDemo.ensureLoaded(this.demo);
		synchronized (OgcPagingIntegrationTests.class) {
			if (!generated) {
				String village = aVillageOfBalikpapan();
				this.ingest
					.ingest(IngestRequest.upsert(Dataset.ACTIVITIES, "paging-test", true),
							Flux.range(0, GENERATED).map((i) -> activity(i, village)))
					.block(Duration.ofMinutes(3));
				generated = true;
			}
		}
		this.client = this.client.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
			.responseTimeout(Duration.ofMinutes(1))
			.build();
	}

	@Test
	void walkingNextLinksYieldsEveryMatchingFeatureExactlyOnce() throws Exception {
		Set<String> expected = idsInBbox();
		assertThat(expected).hasSizeGreaterThanOrEqualTo(GENERATED);
		Set<String> seen = new HashSet<>();
		String url = "/ogc/collections/activities/items?bbox=" + BBOX + "&limit=7000";
		int pages = 0;
		while (url != null) {
			Map<String, Object> page = page(url);
			for (Map<String, Object> feature : OgcFeaturesIntegrationTests.features(page)) {
				assertThat(seen.add((String) feature.get("id"))).as("feature %s seen once", feature.get("id")).isTrue();
			}
			assertThat(((Number) page.get("numberMatched")).longValue()).isEqualTo(expected.size());
			url = OgcFeaturesIntegrationTests.link(page, "next");
			pages++;
		}
		assertThat(seen).isEqualTo(expected);
		assertThat(pages).isEqualTo((expected.size() + 6_999) / 7_000);
	}

	@Test
	void prevLinksRetraceThePages() {
		String first = "/ogc/collections/activities/items?bbox=" + BBOX + "&limit=500&fiscalYear=2021";
		Map<String, Object> page1 = page(first);
		Map<String, Object> page2 = page(OgcFeaturesIntegrationTests.link(page1, "next"));
		Map<String, Object> page3 = page(OgcFeaturesIntegrationTests.link(page2, "next"));
		Map<String, Object> back2 = page(OgcFeaturesIntegrationTests.link(page3, "prev"));
		Map<String, Object> back1 = page(OgcFeaturesIntegrationTests.link(back2, "prev"));
		assertThat(ids(back2)).isEqualTo(ids(page2));
		assertThat(ids(back1)).isEqualTo(ids(page1));
		assertThat(OgcFeaturesIntegrationTests.link(back1, "prev")).isNull();
		assertThat(OgcFeaturesIntegrationTests.features(page1))
			.allSatisfy((f) -> assertThat(((Map<?, ?>) f.get("properties")).get("fiscalYear")).isEqualTo(2021));
	}

	@Test
	void aPointJustOutsideABoxIsNotInIt() throws Exception {
		// 0.4 m west of longitude 116: its float4 index box reaches 116.0, so the index
		// alone would take it
		Map<String, Object> edge = activity(GENERATED, aVillageOfBalikpapan());
		edge.put("id", "EDGE-WEST");
		edge.put("location", Map.of("type", "Point", "coordinates", List.of(115.999996, -1.0)));
		this.ingest.ingest(IngestRequest.upsert(Dataset.ACTIVITIES, "edge-test", true), Flux.just(edge))
			.block(Duration.ofMinutes(1));
		String outside = "116.0,-1.0001,116.001,-0.9999";
		String around = "115.99,-1.0001,116.001,-0.9999";
		assertThat(ids(page("/ogc/collections/activities/items?bbox=" + outside))).doesNotContain("EDGE-WEST");
		assertThat(ids(page("/ogc/collections/activities/items?bbox=" + around))).contains("EDGE-WEST");
		assertThat(listed("/api/v1/activities?bbox=" + outside)).doesNotContain("EDGE-WEST");
		assertThat(listed("/api/v1/activities?bbox=" + around)).contains("EDGE-WEST");
	}

	private List<Object> listed(String url) {
		List<Map<String, Object>> items = (List<Map<String, Object>>) page(url).get("items");
		return items.stream().map((item) -> item.get("id")).toList();
	}

	private Map<String, Object> page(String url) {
		return this.client.get()
			.uri(url)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private static List<Object> ids(Map<String, Object> page) {
		return OgcFeaturesIntegrationTests.features(page).stream().map((f) -> f.get("id")).toList();
	}

	private static final List<String> TYPES = List.copyOf(Term.codes(ActivityType.class));

	private static Map<String, Object> activity(int i, String village) {
		SplittableRandom random = new SplittableRandom(i);
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", "PAGING-" + i);
		row.put("village", village);
		row.put("fiscalYear", 2019 + i % 4);
		row.put("type", TYPES.get(i % TYPES.size()));
		row.put("name", "Generated activity " + i);
		row.put("status", "ongoing");
		row.put("physicalProgress", 50);
		row.put("budgetIdr", 1_000_000L + i);
		row.put("location", Map.of("type", "Point", "coordinates",
				List.of(116.0 + random.nextDouble(0.0001, 0.9999), -1.6 + random.nextDouble(0.0001, 0.9999))));
		return row;
	}

	private static String aVillageOfBalikpapan() throws Exception {
		try (Connection c = TestDatabase.shared().connect();
				PreparedStatement s = c.prepareStatement(
						"select code from region where level = 4 and code like '64.71.%' order by code limit 1");
				ResultSet rows = s.executeQuery()) {
			rows.next();
			return rows.getString(1);
		}
	}

	private static Set<String> idsInBbox() throws Exception {
		Set<String> ids = new HashSet<>();
		try (Connection c = TestDatabase.shared().connect();
				PreparedStatement s = c.prepareStatement(
						"select id from activity where ST_Intersects(location, ST_MakeEnvelope(116.0, -1.6, 117.0, -0.6, 4326))");
				ResultSet rows = s.executeQuery()) {
			while (rows.next()) {
				ids.add(rows.getString(1));
			}
		}
		return ids;
	}

}
