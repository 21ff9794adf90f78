package org.kotaku.portal.readmodel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.kotaku.portal.PortalApplication;
import org.kotaku.portal.demo.DemoLoader;
import org.kotaku.portal.demo.DemoScale;
import org.kotaku.portal.ingest.BatchReport;
import org.kotaku.portal.ingest.IngestService;
import org.kotaku.portal.support.HangDiagnostics;
import org.kotaku.portal.support.OwnCluster;
import org.kotaku.portal.support.TestIngest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With its database stopped, a node keeps answering aggregates from its last snapshot, says DEGRADED in health,
 * and catches up by itself when the database is back. The database is a PostgreSQL cluster this test creates,
 * stops, starts and drops (never the machine's main one).
 */
@ExtendWith(HangDiagnostics.class)
class DatabaseOutageIntegrationTests {

	private static OwnCluster cluster;

	private static ConfigurableApplicationContext app;

	/** A JDK client: independent of the reactor-netty resources that other test contexts of this JVM share. */
	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static String base;

	@BeforeAll
	static void startClusterAndApp() {
		cluster = OwnCluster.create();
		app = new SpringApplicationBuilder(PortalApplication.class).initializers(new org.kotaku.portal.support.OwnNettyResources())
			.run("--server.port=0",
				"--spring.r2dbc.url=" + cluster.r2dbcUrl(), "--spring.r2dbc.username=" + OwnCluster.USER,
				"--spring.r2dbc.password=" + OwnCluster.PASSWORD, "--spring.flyway.url=" + cluster.jdbcUrl(),
				"--spring.flyway.user=" + OwnCluster.USER, "--spring.flyway.password=" + OwnCluster.PASSWORD,
				"--portal.demo.load-on-empty=false", "--portal.read-model.reconnect-delay=500ms",
				"--spring.application.name=kotaku-portal-outage");
		base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
		app.getBean(DemoLoader.class).load(DemoScale.TINY, 11).then().block(Duration.ofMinutes(2));
	}

	@AfterAll
	static void dropClusterAndApp() {
		if (app != null) {
			app.close();
		}
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void servesTheLastSnapshotWhileTheDatabaseIsDownAndCatchesUpAfter() throws InterruptedException {
		ReadModel readModel = app.getBean(ReadModel.class);
		BatchReport loaded = TestIngest.activity(app.getBean(IngestService.class), "rm-outage-1", 1_000_000,
				cluster.jdbcUrl(), OwnCluster.USER, OwnCluster.PASSWORD);
		readModel.awaitVersion(loaded.dataVersion()).block(Duration.ofSeconds(60));
		assertThat(summaryVersion()).isEqualTo(loaded.dataVersion());
		// asked once before the outage, so that during it the answer comes from the response cache (see the report
		// of issue #5: a first-time, routed request during the outage hung in the full suite only)
		assertThat(get("/api/v1/regions?q=balikpapan").statusCode()).isEqualTo(200);

		cluster.stop();
		awaitHealth("DEGRADED");
		assertThat(summaryVersion()).as("summary with the database down").isEqualTo(loaded.dataVersion());
		assertThat(get("/api/v1/regions?q=balikpapan").statusCode()).isEqualTo(200);
		HttpResponse<String> search = get("/api/v1/activities?limit=1&q=outage");
		assertThat(search.statusCode()).as("a search needs the database").isEqualTo(503);
		assertThat(search.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(search.headers().firstValue("Retry-After")).as("every 503 says when to retry").hasValue("5");
		assertThat(get("/api/v1/activities?q=a%00b").statusCode()).as("bad input is not an outage").isEqualTo(400);
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"readModel\":{\"details\":{\"dataVersion\":" + loaded.dataVersion())
			.endsWith("\"status\":\"DEGRADED\"}");

		cluster.start();
		awaitHealth("UP");
		BatchReport after = TestIngest.activity(app.getBean(IngestService.class), "rm-outage-2", 2_000_000,
				cluster.jdbcUrl(), OwnCluster.USER, OwnCluster.PASSWORD);
		readModel.awaitVersion(after.dataVersion()).block(Duration.ofSeconds(30));
		assertThat(summaryVersion()).as("caught up after the outage").isEqualTo(after.dataVersion());
	}

	private static long summaryVersion() {
		HttpResponse<String> summary = get("/api/v1/summary");
		assertThat(summary.statusCode()).isEqualTo(200);
		return Long.parseLong(summary.headers().firstValue("X-Data-Version").orElseThrow());
	}

	private static HttpResponse<String> get(String path) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
					BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void awaitHealth(String status) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 60_000;
		String seen = null;
		while (System.currentTimeMillis() < deadline) {
			seen = get("/actuator/health").body();
			if (seen.endsWith("\"status\":\"" + status + "\"}")) {
				return;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("health never became " + status + "; last: " + seen);
	}

}
