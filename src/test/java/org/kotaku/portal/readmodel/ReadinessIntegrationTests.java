package org.kotaku.portal.readmodel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.kotaku.portal.PortalApplication;
import org.kotaku.portal.support.HangDiagnostics;
import org.kotaku.portal.support.OwnCluster;
import org.kotaku.portal.support.OwnNettyResources;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node is ready for traffic only once its first snapshot is in: started while its
 * database is down, it is live (the process works) but not ready (a load balancer must
 * not send it clients it can only answer 503), and it becomes ready by itself once the
 * database is back. The database is a cluster of the test's own.
 */
@ExtendWith(HangDiagnostics.class)
class ReadinessIntegrationTests {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static OwnCluster cluster;

	@BeforeAll
	static void migratedClusterThenStopped() {
		cluster = OwnCluster.create();
		start(true).close();
		cluster.stop();
	}

	@AfterAll
	static void dropCluster() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void notReadyUntilTheFirstSnapshotIsIn() throws Exception {
		try (ConfigurableApplicationContext app = start(false)) {
			String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
			assertThat(get(base + "/actuator/health/liveness").statusCode()).isEqualTo(200);
			HttpResponse<String> readiness = get(base + "/actuator/health/readiness");
			assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
			assertThat(readiness.body()).isEqualTo("{\"status\":\"DOWN\"}");
			assertThat(get(base + "/actuator/health/internal").body()).contains("\"readModel\":{\"details\"")
				.contains("\"status\":\"DOWN\"");

			cluster.start();
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (get(base + "/actuator/health/readiness").statusCode() != 200) {
				assertThat(System.nanoTime()).as("ready within 60 s of the database's return").isLessThan(deadline);
				Thread.sleep(200);
			}
			assertThat(app.getBean(ReadModel.class).snapshot()).isPresent();
		}
	}

	/**
	 * The portal on a free port against the own cluster; {@code migrate}: with Flyway
	 * (which needs the database).
	 */
	private static ConfigurableApplicationContext start(boolean migrate) {
		return new SpringApplicationBuilder(PortalApplication.class).initializers(new OwnNettyResources())
			.run("--server.port=0", "--spring.r2dbc.url=" + cluster.r2dbcUrl(),
					"--spring.r2dbc.username=" + OwnCluster.USER, "--spring.r2dbc.password=" + OwnCluster.PASSWORD,
					"--spring.flyway.enabled=" + migrate, "--spring.flyway.url=" + cluster.jdbcUrl(),
					"--spring.flyway.user=" + OwnCluster.USER, "--spring.flyway.password=" + OwnCluster.PASSWORD,
					"--portal.demo.load-on-empty=false", "--portal.read-model.reconnect-delay=200ms",
					"--portal.bulk.enabled=false", "--spring.application.name=kotaku-portal-readiness");
	}

	private static HttpResponse<String> get(String uri) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
