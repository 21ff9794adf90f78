package org.kotaku.portal.ingest.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.kotaku.portal.ingest.Dataset;
import org.kotaku.portal.ingest.keys.ApiKeys;
import org.kotaku.portal.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** An upload above {@code portal.ingest.max-body-size} is refused with 413, declared or streamed. */
@IntegrationTest
@TestPropertySource(properties = "portal.ingest.max-body-size=10KB")
class IngestLimitsIntegrationTests {

	@Autowired
	WebTestClient http;

	@Autowired
	ApiKeys keys;

	String key;

	@BeforeEach
	void setUp() {
		this.key = this.keys.create("limit-tests", List.of(Dataset.ACTIVITIES)).block().key();
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
