package org.kotaku.portal.readmodel;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.kotaku.portal.PortalApplication;
import org.kotaku.portal.demo.DemoLoader;
import org.kotaku.portal.ingest.batch.BatchReport;
import org.kotaku.portal.ingest.IngestService;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.ReadModels;
import org.kotaku.portal.support.TestDatabaseInitializer;
import org.kotaku.portal.support.TestIngest;
import org.kotaku.portal.support.TinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes against one database stay coherent through LISTEN/NOTIFY: a batch ingested
 * through this node is served by a second one (started here, on its own random port)
 * within a second or two.
 */
@IntegrationTest
class SecondInstanceIntegrationTests {

	@Autowired
	DemoLoader demo;

	@Autowired
	ReadModel readModel;

	@Autowired
	IngestService ingest;

	private ConfigurableApplicationContext second;

	@BeforeEach
	void startSecondNode() {
		TinyDemo.ensureLoaded(this.demo);
		ReadModels.awaitLatest(this.readModel);
		this.second = new SpringApplicationBuilder(PortalApplication.class)
			.initializers(new TestDatabaseInitializer(), new org.kotaku.portal.support.OwnNettyResources())
			.run("--server.port=0", "--spring.application.name=kotaku-portal-second");
		ReadModels.awaitLatest(this.second.getBean(ReadModel.class));
	}

	@AfterEach
	void stopSecondNode() {
		if (this.second != null) {
			this.second.close();
		}
	}

	@Test
	void theSecondNodeServesABatchIngestedThroughTheFirst() {
		WebTestClient secondClient = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.second.getEnvironment().getProperty("local.server.port"))
			.build();
		long before = version(secondClient);

		BatchReport batch = TestIngest.activity(this.ingest, "rm-second-node-1", 2_000_000);
		long committed = System.nanoTime();
		assertThat(batch.dataVersion()).isGreaterThan(before);
		long seen = before;
		while (seen < batch.dataVersion() && System.nanoTime() - committed < Duration.ofSeconds(10).toNanos()) {
			seen = version(secondClient);
		}
		long millis = (System.nanoTime() - committed) / 1_000_000;
		assertThat(seen).isEqualTo(batch.dataVersion());
		assertThat(millis).as("ms until the second node served the new version").isLessThan(2_500);
	}

	private static long version(WebTestClient client) {
		return Long.parseLong(client.get()
			.uri("/api/v1/summary")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("X-Data-Version"));
	}

}
