package org.kotaku.portal.ingest.web;

import java.nio.charset.StandardCharsets;
import java.net.Socket;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.kotaku.portal.demo.DemoLoader;
import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.ingest.keys.ApiKeys;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.TestDatabase;
import org.kotaku.portal.support.TinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kotaku.portal.ingest.web.IngestHttpIntegrationTests.count;

/**
 * The limits of ingestion: an upload above {@code portal.ingest.max-body-size} is refused
 * with 413, declared or streamed; one that stalls past {@code idle-timeout} or trickles
 * past {@code upload-timeout} gets 408; a batch that waits for the merge lock longer than
 * {@code portal.ingest.database.lock-wait} answers 503 with Retry-After. None of them
 * writes anything. The header deadline ({@code portal.http.header-timeout}, 1 s here)
 * does not cut a body that trickles longer: only the upload's own limits do.
 */
@IntegrationTest
@TestPropertySource(properties = { "portal.ingest.max-body-size=10KB", "portal.ingest.database.lock-wait=2s",
		"portal.ingest.idle-timeout=1s", "portal.ingest.upload-timeout=4s", "portal.http.header-timeout=1s" })
class IngestLimitsIntegrationTests {

	/**
	 * The advisory lock batches merge under ("KOTAKU" in ASCII), as IngestService takes
	 * it.
	 */
	static final long MERGE_LOCK = 0x4B4F54414B55L;

	@Autowired
	WebTestClient http;

	@Autowired
	ApiKeys keys;

	String key;

	@LocalServerPort
	int port;

	@Autowired
	DemoLoader demo;

	@BeforeEach
	void setUp() {
		TinyDemo.ensureLoaded(this.demo); // the regions the activity rows name
		this.key = this.keys.create("limit-tests", List.of(Dataset.ACTIVITIES)).block().key();
	}

	@Test
	void aStalledUploadIsAnsweredWith408AndWritesNothing() throws Exception {
		byte[] body = IngestFixtures.ndjson(IngestFixtures.standalone(Dataset.ACTIVITIES, "L2-", 3))
			.getBytes(StandardCharsets.UTF_8);
		try (Socket socket = uploadSocket(body.length)) {
			socket.getOutputStream().write(body, 0, body.length / 2); // then nothing more
			socket.getOutputStream().flush();
			String answer = answer(socket);
			assertThat(answer).startsWith("HTTP/1.1 408")
				.contains("/problems/request-timeout")
				.contains("portal.ingest.idle-timeout");
		}
		assertThat(count("select count(*) from activity where id like 'L2-%'")).isZero();
	}

	@Test
	void anUploadTricklingPastTheTotalLimitIsAnsweredWith408AndWritesNothing() throws Exception {
		byte[] body = IngestFixtures.ndjson(IngestFixtures.standalone(Dataset.ACTIVITIES, "L3-", 3))
			.getBytes(StandardCharsets.UTF_8);
		try (Socket socket = uploadSocket(body.length)) {
			Thread trickle = new Thread(() -> trickle(socket, body), "trickling-client");
			trickle.setDaemon(true);
			trickle.start();
			String answer = answer(socket);
			trickle.interrupt();
			assertThat(answer).startsWith("HTTP/1.1 408")
				.contains("portal.ingest.upload-timeout")
				.doesNotContain("portal.http.header-timeout");
		}
		assertThat(count("select count(*) from activity where id like 'L3-%'")).isZero();
	}

	/**
	 * A few bytes every 300 ms: never idle for 1 s, but the 4 s limit passes long before
	 * the body is complete.
	 */
	private static void trickle(Socket socket, byte[] body) {
		try {
			for (int at = 0; at < body.length - 1 && !Thread.currentThread().isInterrupted(); at += 8) {
				socket.getOutputStream().write(body, at, Math.min(8, body.length - 1 - at));
				socket.getOutputStream().flush();
				Thread.sleep(300);
			}
		}
		catch (java.io.IOException | InterruptedException ex) {
			// the server answered and closed the connection
		}
	}

	private Socket uploadSocket(int length) throws Exception {
		Socket socket = new Socket("127.0.0.1", this.port);
		socket.setSoTimeout(30_000);
		socket.getOutputStream()
			.write(("POST /internal/v1/ingest/activities HTTP/1.1\r\nHost: localhost\r\n" + "Authorization: Bearer "
					+ this.key + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: " + length + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
		return socket;
	}

	/**
	 * The server's answer: its status line, headers and the problem body (read until the
	 * body's closing brace).
	 */
	private static String answer(Socket socket) throws Exception {
		java.io.InputStream in = socket.getInputStream();
		StringBuilder answer = new StringBuilder();
		int b;
		while ((b = in.read()) != -1) {
			answer.append((char) b);
			if (answer.indexOf("\r\n\r\n") > 0 && b == '}') {
				break;
			}
		}
		return answer.toString();
	}

	@Test
	void aBatchThatWaitsTooLongForTheMergeLockIsBusyAndWritesNothing() throws Exception {
		String row = IngestFixtures.ndjson(IngestFixtures.standalone(Dataset.ACTIVITIES, "L1-", 1));
		try (Connection holder = TestDatabase.shared().connect(); Statement s = holder.createStatement()) {
			s.execute("select pg_advisory_lock(" + MERGE_LOCK + ")"); // a batch in front
																		// that takes its
																		// time
			this.http.post()
				.uri("/internal/v1/ingest/activities")
				.header("Authorization", "Bearer " + this.key)
				.contentType(MediaType.APPLICATION_NDJSON)
				.bodyValue(row)
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.valueEquals("Retry-After", "30")
				.expectBody()
				.jsonPath("$.detail")
				.value((detail) -> detail.toString().contains("nothing of this upload"));
			assertThat(count("select count(*) from activity where id like 'L1-%'")).isZero();
			s.execute("select pg_advisory_unlock(" + MERGE_LOCK + ")");
		}
		this.http.post()
			.uri("/internal/v1/ingest/activities")
			.header("Authorization", "Bearer " + this.key)
			.contentType(MediaType.APPLICATION_NDJSON)
			.bodyValue(row)
			.exchange()
			.expectStatus()
			.isCreated();
		assertThat(count("select count(*) from activity where id like 'L1-%'")).isOne();
	}

	@Test
	void aMergeThatWaitsTooLongForRowsAnotherSessionHoldsIsBusyAndWritesNothing() throws Exception {
		upload(IngestFixtures.ndjson(IngestFixtures.activities("L9-", 1, "first"))).expectStatus().isCreated();
		String changed = IngestFixtures.ndjson(IngestFixtures.activities("L9-", 1, "changed"));
		try (Connection holder = TestDatabase.shared().connect(); Statement s = holder.createStatement()) {
			holder.setAutoCommit(false);
			s.execute("select id from activity where id like 'L9-%' for update"); // an
																					// operator's
																					// open
																					// transaction
			upload(changed).expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.valueEquals("Retry-After", "30")
				.expectBody()
				.jsonPath("$.detail")
				.value((detail) -> assertThat(detail.toString()).contains("another database session")
					.contains("nothing of this upload"));
			holder.rollback();
		}
		assertThat(count("select count(*) from activity where id like 'L9-%' and name = 'changed'")).isZero();
		upload(changed).expectStatus().isCreated();
		assertThat(count("select count(*) from activity where id like 'L9-%' and name = 'changed'")).isOne();
	}

	private WebTestClient.ResponseSpec upload(String ndjson) {
		return this.http.post()
			.uri("/internal/v1/ingest/activities")
			.header("Authorization", "Bearer " + this.key)
			.contentType(MediaType.APPLICATION_NDJSON)
			.bodyValue(ndjson)
			.exchange();
	}

	@Test
	void aDeclaredBodyAboveTheLimitIsRefused() {
		this.http.post()
			.uri("/internal/v1/ingest/activities")
			.header("Authorization", "Bearer " + this.key)
			.contentType(MediaType.APPLICATION_NDJSON)
			.bodyValue("{\"id\": \"x\"}\n".repeat(2_000))
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/payload-too-large");
	}

	@Test
	void aStreamedBodyAboveTheLimitIsRefused() {
		byte[] line = "{\"id\": \"x\"}\n".getBytes(StandardCharsets.UTF_8);
		Flux<DataBuffer> chunks = Flux.range(0, 2_000).map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(line));
		this.http.post()
			.uri("/internal/v1/ingest/activities")
			.header("Authorization", "Bearer " + this.key)
			.contentType(MediaType.APPLICATION_NDJSON)
			.body(chunks, DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> detail.toString().contains("portal.ingest.max-body-size"));
	}

}
