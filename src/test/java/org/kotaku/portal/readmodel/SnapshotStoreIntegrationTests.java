package org.kotaku.portal.readmodel;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.kotaku.portal.PortalApplication;
import org.kotaku.portal.demo.DemoLoader;
import org.kotaku.portal.ingest.IngestService;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.OwnNettyResources;
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
 * A restarted node serves the snapshot it kept on disk when the database still holds that
 * data version, with exactly the figures a build gives; a kept snapshot of an older
 * version, or a file that does not read, is ignored and the snapshot built as before.
 */
@IntegrationTest
class SnapshotStoreIntegrationTests {

	@Autowired
	DemoLoader demo;

	@Autowired
	ReadModel readModel;

	@Autowired
	IngestService ingest;

	@Autowired
	WebTestClient client;

	@TempDir
	Path directory;

	private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	@BeforeEach
	void demoData() {
		TinyDemo.ensureLoaded(this.demo);
		ReadModels.awaitLatest(this.readModel);
	}

	@AfterEach
	void stopNodes() {
		this.nodes.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void aRestartedNodeServesTheKeptSnapshotWithTheFiguresOfABuild() {
		ConfigurableApplicationContext first = node();
		assertThat(origin(first)).isEqualTo(Snapshot.Origin.BUILT);
		awaitKept(first);
		String built = summary(first);
		Object builtVersion = snapshot(first).version();
		first.close();

		ConfigurableApplicationContext second = node();
		assertThat(origin(second)).isEqualTo(Snapshot.Origin.RESTORED);
		assertThat(snapshot(second).version()).isEqualTo(builtVersion);
		assertThat(summary(second)).isEqualTo(built).isEqualTo(summary(this.client));
	}

	@Test
	void aKeptSnapshotOfAnOlderDataVersionIsNotServed() {
		ConfigurableApplicationContext first = node();
		awaitKept(first);
		long kept = snapshot(first).version().version();
		first.close();
		TestIngest.activity(this.ingest, "rm-kept-snapshot-1", 1_500_000);

		ConfigurableApplicationContext second = node();
		assertThat(origin(second)).isEqualTo(Snapshot.Origin.BUILT);
		assertThat(snapshot(second).version().version()).isGreaterThan(kept);
	}

	@Test
	void aFileThatDoesNotReadIsIgnored() throws IOException {
		Files.write(this.directory.resolve(SnapshotStore.FILE), "not a snapshot".getBytes());
		assertThat(origin(node())).isEqualTo(Snapshot.Origin.BUILT);
	}

	@Test
	void onlyTheReadModelsClassesAreDeserialised() throws IOException {
		try (OutputStream file = Files.newOutputStream(this.directory.resolve(SnapshotStore.FILE));
				ObjectOutputStream out = new ObjectOutputStream(file)) {
			out.writeObject(new java.io.File("/etc/passwd"));
		}
		assertThat(origin(node())).isEqualTo(Snapshot.Origin.BUILT);
	}

	private ConfigurableApplicationContext node() {
		ConfigurableApplicationContext node = new SpringApplicationBuilder(PortalApplication.class)
			.initializers(new TestDatabaseInitializer(), new OwnNettyResources())
			.run("--server.port=0", "--spring.application.name=kotaku-portal-restarted",
					"--portal.read-model.snapshot-directory=" + this.directory, "--portal.bulk.enabled=false");
		this.nodes.add(node);
		ReadModels.awaitLatest(node.getBean(ReadModel.class));
		return node;
	}

	private void awaitKept(ConfigurableApplicationContext node) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!Files.isRegularFile(this.directory.resolve(SnapshotStore.FILE)) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		assertThat(this.directory.resolve(SnapshotStore.FILE)).as("kept snapshot").isRegularFile();
	}

	private static Snapshot snapshot(ConfigurableApplicationContext node) {
		return node.getBean(ReadModel.class).snapshot().orElseThrow();
	}

	private static Snapshot.Origin origin(ConfigurableApplicationContext node) {
		return snapshot(node).origin();
	}

	private static String summary(ConfigurableApplicationContext node) {
		return summary(WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port"))
			.build());
	}

	private static String summary(WebTestClient client) {
		return client.get()
			.uri("/api/v1/summary")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
