package org.kotaku.portal.bulk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.ingest.IngestService;
import org.kotaku.portal.readmodel.ReadModel;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.ReadModels;
import org.kotaku.portal.support.TestIngest;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A generation that fails (here: its folder cannot be renamed into place, as a file holds
 * the name) leaves the previous version's files serving and no half-written folder
 * behind, and is tried again until it succeeds.
 */
@IntegrationTest
@WithTinyDemo(readModel = true)
@TestPropertySource(properties = "portal.bulk.retry-after=1s")
class BulkFailureIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	JsonMapper json;

	@Autowired
	IngestService ingest;

	@Autowired
	ReadModel readModel;

	@Autowired
	BulkProperties properties;

	@Autowired
	BulkStore store;

	@Test
	void aFailedGenerationKeepsThePreviousFilesServingAndIsRetried() throws Exception {
		long before = awaitNewest(ReadModels.latestVersion());
		Path root = this.properties.directory();
		Path blocker = root.resolve("v" + (before + 1));
		Files.writeString(blocker, "not a folder");
		try {
			TestIngest.activity(this.ingest, "bulk-failure-" + System.nanoTime(), 7_000_000);
			ReadModels.awaitLatest(this.readModel);
			assertThat(ReadModels.latestVersion()).isEqualTo(before + 1);
			// the generation fails and is retried every second: meanwhile the previous
			// files serve, whole
			await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> newest() == before);
			this.client.get()
				.uri("/downloads/latest/activities.csv.gz")
				.exchange()
				.expectStatus()
				.isFound()
				.expectHeader()
				.valueEquals("Location", "/downloads/" + before + "/activities.csv.gz");
			this.client.get().uri("/downloads/" + before + "/activities.csv.gz").exchange().expectStatus().isOk();
		}
		finally {
			Files.deleteIfExists(blocker);
		}
		long next = before + 1;
		assertThat(awaitNewest(next)).isEqualTo(next);
		assertThat(this.store.manifest(next)).isPresent();
		try (var entries = Files.list(root)) {
			assertThat(entries.map((p) -> p.getFileName().toString()))
				.as("no temporary folder of the failed runs is left behind")
				.noneMatch((name) -> name.startsWith(".tmp-"));
		}
	}

	private long awaitNewest(long version) {
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> newest() >= version);
		return newest();
	}

	private long newest() {
		JsonNode index = this.json.readTree(this.client.get()
			.uri("/downloads")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		return index.get("versions").isEmpty() ? 0 : index.at("/versions/0/version").asLong();
	}

}
