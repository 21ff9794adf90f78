package org.kotaku.portal.ingest.web;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.kotaku.portal.demo.DemoLoader;
import org.kotaku.portal.ingest.Dataset;
import org.kotaku.portal.ingest.keys.ApiKeys;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.TestDatabase;
import org.kotaku.portal.support.TinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kotaku.portal.ingest.web.IngestHttpIntegrationTests.count;

/**
 * The limits of ingestion: an upload above {@code portal.ingest.max-body-size} is refused with 413, declared or
 * streamed; a batch that waits for the merge lock longer than {@code portal.ingest.database.lock-wait} answers 503
 * with Retry-After and writes nothing.
 */
@IntegrationTest
@TestPropertySource(properties = { "portal.ingest.max-body-size=10KB", "portal.ingest.database.lock-wait=2s" })
class IngestLimitsIntegrationTests {

	/** The advisory lock batches merge under ("KOTAKU" in ASCII), as IngestService takes it. */
	static final long MERGE_LOCK = 0x4B4F54414B55L;

	@Autowired
	WebTestClient http;

	@Autowired
	ApiKeys keys;

	String key;

	@Autowired
	DemoLoader demo;

	@BeforeEach
	void setUp() {
		TinyDemo.ensureLoaded(this.demo); // the regions the activity rows name
		this.key = this.keys.create("limit-tests", List.of(Dataset.ACTIVITIES)).block().key();
	}

	@Test
	void aBatchThatWaitsTooLongForTheMergeLockIsBusyAndWritesNothing() throws Exception {
		String row = IngestFixtures.ndjson(IngestFixtures.standalone(Dataset.ACTIVITIES, "L1-", 1));
		try (Connection holder = TestDatabase.shared().connect(); Statement s = holder.createStatement()) {
			s.execute("select pg_advisory_lock(" + MERGE_LOCK + ")"); // a batch in front that takes its time
			this.http.post().uri("/internal/v1/ingest/activities").header("Authorization", "Bearer " + this.key)
				.contentType(MediaType.APPLICATION_NDJSON).bodyValue(row)
				.exchange().expectStatus().isEqualTo(503)
				.expectHeader().valueEquals("Retry-After", "30")
				.expectBody().jsonPath("$.detail").value((detail) -> detail.toString().contains("nothing of this upload"));
			assertThat(count("select count(*) from activity where id like 'L1-%'")).isZero();
			s.execute("select pg_advisory_unlock(" + MERGE_LOCK + ")");
		}
		this.http.post().uri("/internal/v1/ingest/activities").header("Authorization", "Bearer " + this.key)
			.contentType(MediaType.APPLICATION_NDJSON).bodyValue(row)
			.exchange().expectStatus().isCreated();
		assertThat(count("select count(*) from activity where id like 'L1-%'")).isOne();
	}

	@Test
	void aDeclaredBodyAboveTheLimitIsRefused() {
		this.http.post().uri("/internal/v1/ingest/activities").header("Authorization", "Bearer " + this.key)
			.contentType(MediaType.APPLICATION_NDJSON).bodyValue("{\"id\": \"x\"}\n".repeat(2_000))
			.exchange().expectStatus().isEqualTo(413)
			.expectBody().jsonPath("$.type").isEqualTo("/problems/payload-too-large");
	}

	@Test
	void aStreamedBodyAboveTheLimitIsRefused() {
		byte[] line = "{\"id\": \"x\"}\n".getBytes(StandardCharsets.UTF_8);
		Flux<DataBuffer> chunks = Flux.range(0, 2_000).map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(line));
		this.http.post().uri("/internal/v1/ingest/activities").header("Authorization", "Bearer " + this.key)
			.contentType(MediaType.APPLICATION_NDJSON).body(chunks, DataBuffer.class)
			.exchange().expectStatus().isEqualTo(413)
			.expectBody().jsonPath("$.detail").value((detail) -> detail.toString().contains("portal.ingest.max-body-size"));
	}

}
