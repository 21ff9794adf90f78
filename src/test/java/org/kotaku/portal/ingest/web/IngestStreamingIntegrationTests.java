package org.kotaku.portal.ingest.web;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.kotaku.portal.demo.DemoLoader;
import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.ingest.IngestConnections;
import org.kotaku.portal.ingest.IngestService;
import org.kotaku.portal.ingest.batch.BatchReport;
import org.kotaku.portal.ingest.batch.IngestRequest;
import org.kotaku.portal.ingest.keys.ApiKeys;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.TestDatabase;
import org.kotaku.portal.support.TinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kotaku.portal.ingest.web.IngestHttpIntegrationTests.count;

/**
 * Uploads that do not end well or meet each other: a client that disconnects mid-stream
 * commits nothing, and two concurrent batches over the same rows both commit, one after
 * the other, leaving the rows of the later one (no lost update, no deadlock), and a slow
 * upload delays neither another source's batch nor public reads.
 */
@IntegrationTest
class IngestStreamingIntegrationTests {

	@Autowired
	ApiKeys keys;

	@Autowired
	DemoLoader demo;

	@Autowired
	Environment environment;

	@Autowired
	IngestService ingest;

	String key;

	@BeforeEach
	void setUp() {
		TinyDemo.ensureLoaded(this.demo);
		this.key = this.keys.create("stream-tests", List.of(Dataset.ACTIVITIES)).block().key();
	}

	@Test
	void aBatchCutOffMidStreamCommitsNothing() throws Exception {
		long batchesBefore = count("select count(*) from ingest_batch where source = 'stream-tests'");
		byte[] rows = IngestFixtures.ndjson(IngestFixtures.activities("S1-", 5_000, "cut off"))
			.getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket("127.0.0.1", port())) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST /internal/v1/ingest/activities HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
					+ this.key + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: " + (rows.length * 4L)
					+ "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(rows); // a quarter of the declared body, then the connection drops
			out.flush();
			awaitStagingInProgress(); // the rows are being staged when the connection
										// drops

		}
		Thread.sleep(2_000);
		assertThat(count("select count(*) from activity where id like 'S1-%'")).isZero();
		assertThat(count("select count(*) from ingest_batch where source = 'stream-tests'")).isEqualTo(batchesBefore);
		// the cut-off batch's transaction is gone with its lock: nothing of this database
		// is left waiting
		assertThat(count("select count(*) from pg_locks l join pg_database d on d.oid = l.database "
				+ "where l.locktype = 'advisory' and d.datname = current_database()"))
			.as("advisory locks held: %s",
					IngestHttpIntegrationTests.text("select string_agg(a.application_name || ' "
							+ "pid ' || a.pid || ' ' || a.state || ': ' || left(a.query, 80), ' | ') from pg_locks l "
							+ "join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory'"))
			.isZero();
		// ingestion's own sessions: the bulk generator's snapshot export is idle in
		// transaction by design
		assertThat(count(
				"select count(*) from pg_stat_activity where datname = current_database() " + "and application_name = '"
						+ IngestConnections.APPLICATION_NAME + "' " + "and state like 'idle in transaction%'"))
			.isZero();
	}

	@Test
	void aBatchWhoseCallerGivesUpLetsGoOfTheMergeLockAtOnce() throws Exception {
		this.ingest.ingest(request(), Flux.fromIterable(IngestFixtures.activities("S4-", 1, "first")))
			.block(Duration.ofSeconds(30));
		try (Connection holder = TestDatabase.shared().connect(); Statement s = holder.createStatement()) {
			holder.setAutoCommit(false);
			s.execute("select id from activity where id like 'S4-%' for update");
			Mono<BatchReport> blocked = this.ingest.ingest(request(),
					Flux.fromIterable(IngestFixtures.activities("S4-", 1, "second")));
			assertThatThrownBy(() -> blocked.block(Duration.ofSeconds(2))).hasMessageContaining("Timeout");
			// the server stopped the batch's statement: nothing of ingestion waits, and
			// the
			// merge lock is free for the next batch although the row is still held
			awaitZero("ingestion sessions waiting for a lock",
					"select count(*) from pg_stat_activity where datname = current_database() and "
							+ "application_name = '" + IngestConnections.APPLICATION_NAME
							+ "' and wait_event_type = 'Lock'");
			awaitZero("advisory locks held", "select count(*) from pg_locks l join pg_database d on d.oid = l.database "
					+ "where l.locktype = 'advisory' and d.datname = current_database()");
			holder.rollback();
		}
		this.ingest.ingest(request(), Flux.fromIterable(IngestFixtures.activities("S4-", 1, "third")))
			.block(Duration.ofSeconds(30));
		assertThat(count("select count(*) from activity where id like 'S4-%' and name = 'third'")).isOne();
	}

	private static IngestRequest request() {
		return IngestRequest.upsert(Dataset.ACTIVITIES, "stream-cancel-tests", false);
	}

	private static void awaitZero(String what, String query) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (count(query) > 0) {
			assertThat(System.nanoTime()).as(what + " 5 s after the caller gave up").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	@Test
	void concurrentBatchesOverTheSameRowsBothCommitInOrder() throws Exception {
		WebClient client = WebClient.builder()
			.baseUrl("http://127.0.0.1:" + port())
			.defaultHeader("Authorization", "Bearer " + this.key)
			.build();
		Mono<Map> first = upload(client, IngestFixtures.ndjson(IngestFixtures.activities("S2-", 3_000, "first")));
		Mono<Map> second = upload(client, IngestFixtures.ndjson(IngestFixtures.activities("S2-", 3_000, "second")));
		List<Map> reports = Mono.zip(first, second)
			.map((both) -> List.of(both.getT1(), both.getT2()))
			.block(Duration.ofMinutes(2));
		Map<?, ?> later = reports.stream()
			.max((a, b) -> Long.compare(((Number) a.get("dataVersion")).longValue(),
					((Number) b.get("dataVersion")).longValue()))
			.orElseThrow();
		String laterName = reports.indexOf(later) == 0 ? "first" : "second";
		assertThat(count("select count(*) from activity where id like 'S2-%'")).isEqualTo(3_000);
		assertThat(count("select count(*) from activity where id like 'S2-%' and name = '" + laterName
				+ "' and batch_id = " + later.get("id")))
			.isEqualTo(3_000);
		assertThat(reports.stream().mapToLong((r) -> ((Number) r.get("rowsInserted")).longValue()).sum())
			.isEqualTo(3_000);
	}

	@Test
	void aSlowUploadDelaysNeitherAnotherBatchNorPublicReads() throws Exception {
		byte[] start = IngestFixtures.ndjson(IngestFixtures.activities("S3-", 50, "slow"))
			.getBytes(StandardCharsets.UTF_8);
		byte[] rest = IngestFixtures.ndjson(IngestFixtures.activities("S3-B", 50, "slow"))
			.getBytes(StandardCharsets.UTF_8);
		try (Socket slow = new Socket("127.0.0.1", port())) {
			OutputStream out = slow.getOutputStream();
			out.write(("POST /internal/v1/ingest/activities HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
					+ this.key + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: "
					+ (start.length + rest.length) + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(start); // half the body, then the client dawdles
			out.flush();
			awaitStagingInProgress();

			WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port()).build();
			String otherKey = this.keys.create("stream-tests-other", List.of(Dataset.ACTIVITIES)).block().key();
			long began = System.nanoTime();
			Map<String, Object> other = client.post()
				.uri("/internal/v1/ingest/activities")
				.header("Authorization", "Bearer " + otherKey)
				.header("Content-Type", "application/x-ndjson")
				.bodyValue(IngestFixtures.ndjson(IngestFixtures.activities("S3-O", 10, "other")))
				.retrieve()
				.bodyToMono(IngestHttpIntegrationTests.RECORD)
				.block(Duration.ofSeconds(20));
			assertThat(other).containsEntry("rowsInserted", 10);
			String summary = client.get()
				.uri("/api/v1/summary")
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(20));
			assertThat(summary).contains("dataVersion");
			assertThat(Duration.ofNanos(System.nanoTime() - began))
				.as("the other batch and a public read while the slow upload streams")
				.isLessThan(Duration.ofSeconds(10));
			assertThat(count("select count(*) from activity where id like 'S3-%' and name = 'slow'")).isZero();

			out.write(rest);
			out.flush();
			String answer = new String(slow.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(answer).startsWith("HTTP/1.1 201");
		}
		assertThat(count("select count(*) from activity where id like 'S3-%' and name = 'slow'")).isEqualTo(100);
	}

	private static void awaitStagingInProgress() throws Exception {
		String copying = "select count(*) from pg_stat_activity where datname = current_database() and query like 'copy stage%'";
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (count(copying) == 0) {
			assertThat(System.nanoTime()).as("a COPY into the stage within 10 s").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private static Mono<Map> upload(WebClient client, String body) {
		return client.post()
			.uri("/internal/v1/ingest/activities")
			.header("Content-Type", "application/x-ndjson")
			.bodyValue(body)
			.retrieve()
			.bodyToMono(Map.class);
	}

	private int port() {
		return this.environment.getRequiredProperty("local.server.port", Integer.class);
	}

}
