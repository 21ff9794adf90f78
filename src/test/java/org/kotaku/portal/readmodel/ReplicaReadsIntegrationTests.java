package org.kotaku.portal.readmodel;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.PortalApplication;
import org.kotaku.portal.api.PrimaryDatabase;
import org.kotaku.portal.demo.DemoLoader;
import org.kotaku.portal.demo.DemoScale;
import org.kotaku.portal.ingest.batch.BatchReport;
import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.ingest.IngestConnections;
import org.kotaku.portal.ingest.IngestService;
import org.kotaku.portal.ingest.keys.ApiKeys;
import org.kotaku.portal.support.HangDiagnostics;
import org.kotaku.portal.support.NodeHttp;
import org.kotaku.portal.support.OwnCluster;
import org.kotaku.portal.support.TestIngest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node whose public reads come from a real streaming replica
 * ({@code portal.replica.url}; a hot standby made with pg_basebackup -R from a primary
 * this test creates, both dropped at the end): public queries and snapshot builds (and
 * bulk files, in an exported snapshot on the standby) run on the replica, ingestion, API
 * keys and LISTEN on the primary; with the replica's replay paused the node keeps serving
 * the version the replica has (DEGRADED once it lags past max-lag) while ingestion goes
 * on, and catches up when replay resumes; the data versions it answers never go
 * backwards.
 */
@ExtendWith(HangDiagnostics.class)
class ReplicaReadsIntegrationTests {

	/** How the test names the public pool's sessions, to find them on either server. */
	private static final String PUBLIC_POOL = "kotaku-portal-replica-test";

	private static OwnCluster primary;

	private static OwnCluster replica;

	private static ConfigurableApplicationContext app;

	private static NodeHttp node;

	@BeforeAll
	static void startClustersAndApp() {
		primary = OwnCluster.create();
		replica = primary.replica();
		app = new SpringApplicationBuilder(PortalApplication.class)
			.initializers(new org.kotaku.portal.support.OwnNettyResources())
			.run("--server.port=0", "--spring.r2dbc.url=" + primary.r2dbcUrl(),
					"--spring.r2dbc.username=" + OwnCluster.USER, "--spring.r2dbc.password=" + OwnCluster.PASSWORD,
					"--spring.r2dbc.properties.applicationName=" + PUBLIC_POOL,
					"--spring.flyway.url=" + primary.jdbcUrl(), "--spring.flyway.user=" + OwnCluster.USER,
					"--spring.flyway.password=" + OwnCluster.PASSWORD, "--portal.replica.url=" + replica.r2dbcUrl(),
					"--portal.replica.max-lag=2s", "--portal.read-model.version-check-interval=1s",
					"--portal.read-model.reconnect-delay=500ms", "--portal.demo.load-on-empty=false",
					"--portal.bulk.directory=target/bulk-tests/replica-" + UUID.randomUUID(),
					"--portal.rate-limit.enabled=false", "--spring.application.name=kotaku-portal-replica");
		node = new NodeHttp("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
		app.getBean(DemoLoader.class).load(DemoScale.TINY, 11).then().block(Duration.ofMinutes(2));
	}

	@AfterAll
	static void dropClustersAndApp() {
		try {
			if (app != null) {
				app.close();
			}
		}
		finally {
			try {
				if (replica != null) {
					replica.close();
				}
			}
			finally {
				if (primary != null) {
					primary.close();
				}
			}
		}
	}

	@Test
	void readsFromTheReplicaNeverGoBackAndCatchUpAfterReplayResumes() throws Exception {
		ReadModel readModel = app.getBean(ReadModel.class);
		BatchReport first = ingest("replica-1", 1_000_000);
		readModel.awaitVersion(first.dataVersion()).block(Duration.ofSeconds(30));
		assertThat(version("/api/v1/summary")).isEqualTo(first.dataVersion());
		assertThat(version("/api/v1/activities?limit=1&q=replica-1")).isEqualTo(first.dataVersion());
		assertThat(sessions(replica, PUBLIC_POOL)).as("public sessions on the replica").isPositive();
		assertThat(sessions(primary, PUBLIC_POOL)).as("public sessions on the primary").isZero();
		assertThat(sessions(primary, IngestConnections.APPLICATION_NAME)
				+ sessions(primary, PrimaryDatabase.APPLICATION_NAME))
			.as("ingestion, keys and LISTEN on the primary")
			.isPositive();

		List<long[]> seen = new ArrayList<>();
		AtomicBoolean watching = new AtomicBoolean(true);
		CompletableFuture<Void> watcher = CompletableFuture.runAsync(() -> watch(watching, seen));
		try {
			replica.superuser("select pg_wal_replay_pause()");
			await("replay paused", () -> "paused".equals(replica.superuser("select pg_get_wal_replay_pause_state()")));
			BatchReport second = ingest("replica-2", 2_000_000);
			String key = app.getBean(ApiKeys.class)
				.create("replica-test", Set.of(Dataset.ACTIVITIES))
				.block(Duration.ofSeconds(10))
				.key();
			HttpResponse<String> upload = upload(key, "replica-3", 3_000_000);
			assertThat(upload.statusCode()).as("an upload with a new key while the replica is paused: " + upload.body())
				.isEqualTo(201);
			assertThat(primary.count("select max(data_version) from ingest_batch")).isGreaterThan(second.dataVersion());

			node.awaitHealth("DEGRADED");
			assertThat(node.get("/actuator/health/internal").body()).contains("\"lastError\":\"ReplicaBehind\"");
			assertThat(version("/api/v1/summary")).as("the snapshot the replica has").isEqualTo(first.dataVersion());
			assertThat(version("/api/v1/activities?limit=1&q=replica")).as("a search on the paused replica")
				.isEqualTo(first.dataVersion());
			assertThat(node.get("/api/v1/activities?q=replica-2").body()).as("a row the replica has not replayed")
				.contains("\"items\":[]");

			replica.superuser("select pg_wal_replay_resume()");
			long newest = primary.count("select max(data_version) from ingest_batch");
			readModel.awaitVersion(newest).block(Duration.ofSeconds(30));
			node.awaitHealth("UP");
			assertThat(version("/api/v1/summary")).as("caught up").isEqualTo(newest);
			assertThat(node.get("/api/v1/activities?q=replica-3").body()).contains("\"id\":\"replica-3\"");
			await("bulk files of version " + newest + ", read on the replica (an exported snapshot on a standby)",
					() -> newestBulkVersion() >= newest);
		}
		finally {
			watching.set(false);
			watcher.get();
		}
		assertThat(seen).as("answers watched").hasSizeGreaterThan(10);
		assertNeverBackwards(seen, 0, "summary (snapshot)");
		assertNeverBackwards(seen, 1, "search (live on the replica)");
		assertThat(seen).as("a live answer is never older than the snapshot answered before it")
			.allMatch((versions) -> versions[1] >= versions[0]);
	}

	/**
	 * Polls the summary, then a search, until stopped; records both data versions of each
	 * round.
	 */
	private static void watch(AtomicBoolean watching, List<long[]> seen) {
		while (watching.get()) {
			long summary = version("/api/v1/summary");
			long search = version("/api/v1/activities?limit=1&q=road");
			synchronized (seen) {
				seen.add(new long[] { summary, search });
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static void assertNeverBackwards(List<long[]> seen, int column, String what) {
		for (int i = 1; i < seen.size(); i++) {
			assertThat(seen.get(i)[column]).as(what + " answer " + i).isGreaterThanOrEqualTo(seen.get(i - 1)[column]);
		}
	}

	private static BatchReport ingest(String id, long budget) {
		return TestIngest.activity(app.getBean(IngestService.class), id, budget, primary.jdbcUrl(), OwnCluster.USER,
				OwnCluster.PASSWORD);
	}

	private static long sessions(OwnCluster cluster, String applicationName) {
		return cluster
			.count("select count(*) from pg_stat_activity where application_name = '" + applicationName + "'");
	}

	private static HttpResponse<String> upload(String key, String id, long budget) {
		Map<String, Object> row = TestIngest.activityRow(id, budget, primary.jdbcUrl(), OwnCluster.USER,
				OwnCluster.PASSWORD);
		String body = JsonMapper.builder().build().writeValueAsString(row) + "\n";
		return node.send(node.request("/internal/v1/ingest/activities")
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/x-ndjson")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private static long newestBulkVersion() {
		HttpResponse<String> index = node.get("/downloads");
		return index.statusCode() != 200 ? -1
				: JsonMapper.builder().build().readTree(index.body()).at("/versions/0/version").asLong(-1);
	}

	private static long version(String path) {
		HttpResponse<String> answer = node.get(path);
		assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
		return Long.parseLong(answer.headers().firstValue("X-Data-Version").orElseThrow());
	}

	private static void await(String what, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as(what + " within 30 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

}
