package org.kotaku.portal.readmodel;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.kotaku.portal.ingest.batch.BatchReport;
import org.kotaku.portal.ingest.IngestService;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.TestDatabase;
import org.kotaku.portal.support.TestIngest;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read model's lifecycle through the public summary: versions, ETags, coalescing,
 * atomic swaps.
 */
@IntegrationTest
@WithTinyDemo(readModel = true)
class ReadModelIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	ReadModel readModel;

	@Autowired
	IngestService ingest;

	@Autowired
	JsonMapper json;

	@Test
	void etagChangesExactlyWhenTheDataChangeAndConditionalGetsAnswer304() {
		EntityExchangeResult<byte[]> first = summary(null);
		String etag = first.getResponseHeaders().getETag();
		assertThat(etag).startsWith("W/\"v");
		assertThat(summary(null).getResponseHeaders().getETag()).as("same data, same ETag").isEqualTo(etag);
		notModified(etag);
		long activitiesBefore = body(first).path("activities").path("total").asLong();

		BatchReport batch = TestIngest.activity(this.ingest, "rm-etag-1", 1_000_000);
		StepVerifier.create(this.readModel.awaitVersion(batch.dataVersion()).map((s) -> s.version().version()))
			.expectNext(batch.dataVersion())
			.expectComplete()
			.verify(Duration.ofSeconds(30));

		EntityExchangeResult<byte[]> after = summary(etag);
		String newEtag = after.getResponseHeaders().getETag();
		assertThat(newEtag).isNotEqualTo(etag);
		assertThat(after.getResponseHeaders().getFirst("X-Data-Version")).isEqualTo(Long.toString(batch.dataVersion()));
		assertThat(body(after).path("dataVersion").asLong()).isEqualTo(batch.dataVersion());
		assertThat(body(after).path("activities").path("total").asLong()).isEqualTo(activitiesBefore + 1);
		notModified(newEtag);
		this.client.get()
			.uri("/api/v1/summary")
			.header(HttpHeaders.IF_NONE_MATCH, "W/\"v0-0\", " + newEtag)
			.exchange()
			.expectStatus()
			.isNotModified();
	}

	@Test
	void aBurstOfFiftyNotificationsCausesAFewRefreshesOnly() throws Exception {
		long before = refreshes();
		try (Connection c = TestDatabase.shared().connect(); Statement s = c.createStatement()) {
			for (int i = 0; i < 50; i++) {
				s.execute("select pg_notify('read_model', 'burst-" + i + "')");
			}
		}
		long deadline = System.currentTimeMillis() + 20_000;
		long seen = -1;
		while (System.currentTimeMillis() < deadline && seen != refreshes()) {
			seen = refreshes();
			Thread.sleep(1_500);
		}
		long refreshes = refreshes() - before;
		assertThat(refreshes).as("refreshes caused by 50 notifications").isBetween(1L, 3L);
	}

	@Test
	void concurrentReadersOnlySeeCompleteSnapshotsOfOneVersion() throws Exception {
		Map<Long, String> bodiesByVersion = new ConcurrentHashMap<>();
		List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean ingesting = new AtomicBoolean(true);
		List<Thread> readers = new ArrayList<>();
		for (int r = 0; r < 3; r++) {
			Thread reader = new Thread(() -> read(ingesting, bodiesByVersion, problems));
			reader.start();
			readers.add(reader);
		}
		long firstVersion = this.readModel.require().version().version();
		for (int i = 1; i <= 4; i++) {
			BatchReport batch = TestIngest.activity(this.ingest, "rm-swap-" + i, 1_000 * i);
			this.readModel.awaitVersion(batch.dataVersion()).block(Duration.ofSeconds(30));
		}
		ingesting.set(false);
		for (Thread reader : readers) {
			reader.join(30_000);
		}
		assertThat(problems).isEmpty();
		assertThat(bodiesByVersion.keySet()).as("versions the readers saw")
			.contains(firstVersion)
			.hasSizeGreaterThan(1);
	}

	@Test
	void snapshotsReadInParallelWithRefreshesAreInternallyConsistent() {
		Flux<Boolean> checks = Flux.range(0, 400).parallel(4).runOn(Schedulers.parallel()).map((i) -> {
			if (i % 100 == 0) {
				this.readModel.requestRefresh();
			}
			return consistent(this.readModel.require());
		}).sequential();
		StepVerifier.create(checks.all(Boolean::booleanValue)).expectNext(true).verifyComplete();
	}

	/** The nation is the sum of its provinces in the same snapshot. */
	private static boolean consistent(Snapshot snapshot) {
		long national = snapshot.tally(Snapshot.NATIONAL, 0).orElseThrow().get(Tally.Slot.ACTIVITIES);
		long provinces = snapshot.children(Snapshot.NATIONAL)
			.stream()
			.mapToLong((p) -> snapshot.tally(p.code(), 0).map((t) -> t.get(Tally.Slot.ACTIVITIES)).orElse(0L))
			.sum();
		return national == provinces;
	}

	private void read(AtomicBoolean ingesting, Map<Long, String> bodiesByVersion, List<String> problems) {
		long lastVersion = 0;
		while (ingesting.get()) {
			EntityExchangeResult<byte[]> result = summary(null);
			JsonNode body = body(result);
			long version = body.path("dataVersion").asLong();
			String header = result.getResponseHeaders().getFirst("X-Data-Version");
			long total = body.path("activities").path("total").asLong();
			long byStatus = 0;
			for (JsonNode count : body.path("activities").path("byStatus")) {
				byStatus += count.asLong();
			}
			String text = new String(result.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
			String earlier = bodiesByVersion.putIfAbsent(version, text);
			if (!Long.toString(version).equals(header) || total != byStatus || version < lastVersion
					|| (earlier != null && !earlier.equals(text))) {
				problems.add("inconsistent answer at version " + version + " (header " + header + ")");
			}
			lastVersion = version;
		}
	}

	private long refreshes() {
		RefreshStatus status = this.readModel.status();
		return status.refreshes() + status.failures();
	}

	private EntityExchangeResult<byte[]> summary(String ifNoneMatch) {
		WebTestClient.RequestHeadersSpec<?> request = this.client.get().uri("/api/v1/summary");
		if (ifNoneMatch != null) {
			request = request.header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
		}
		return request.exchange().expectStatus().isOk().expectBody().returnResult();
	}

	private void notModified(String etag) {
		this.client.get()
			.uri("/api/v1/summary")
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, etag)
			.expectHeader()
			.exists("X-Data-Version")
			.expectHeader()
			.exists("X-Data-As-Of")
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
			.expectBody()
			.isEmpty();
	}

	private JsonNode body(EntityExchangeResult<byte[]> result) {
		return this.json.readTree(result.getResponseBody());
	}

}
