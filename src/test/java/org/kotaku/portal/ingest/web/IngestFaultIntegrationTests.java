package org.kotaku.portal.ingest.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.kotaku.portal.demo.DemoDataset;
import org.kotaku.portal.support.HangDiagnostics;
import org.kotaku.portal.support.NodeHttp;
import org.kotaku.portal.support.OwnCluster;
import org.kotaku.portal.support.PortalProcess;
import org.kotaku.portal.support.TinyDemo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults during an upload, on a PostgreSQL cluster and a portal JVM of the test's own:
 * the database stopped while the rows stream in answers a 503 with Retry-After and writes
 * nothing, and the same upload retried under its Idempotency-Key then commits once; the
 * portal killed with SIGKILL while the rows are copied, or while the batch merges, leaves
 * nothing of the batch, no lock and no open transaction, and starts again with a data
 * version that is the one of the change log.
 */
@ExtendWith(HangDiagnostics.class)
class IngestFaultIntegrationTests {

	private static final String SOURCE = "fault-tests";

	private static OwnCluster cluster;

	private static PortalProcess portal;

	private static String key;

	@BeforeAll
	static void startClusterAndPortal() throws Exception {
		cluster = OwnCluster.create();
		portal = PortalProcess.start(cluster, "--portal.demo.load-on-empty=true", "--portal.demo.scale=tiny",
				"--portal.demo.seed=" + TinyDemo.SEED, "--portal.demo.region-files=target/no-region-files",
				"--portal.read-model.reconnect-delay=500ms");
		int demoBatches = DemoDataset.loadOrder().size();
		await("the tiny demo loaded", Duration.ofSeconds(120), () -> cluster
			.count("select count(*) from ingest_batch where source = '" + DemoDataset.SOURCE + "'") == demoBatches);
		key = createKey();
	}

	@AfterAll
	static void stopPortalAndCluster() throws InterruptedException {
		if (portal != null) {
			portal.close();
		}
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void theDatabaseStoppedDuringAnUploadAnswers503AndTheRetryCommitsOnce() throws Exception {
		long batchesBefore = batches();
		byte[] body = ndjson("F1-", 50_000);
		String idempotencyKey = "faults-f1";
		String answer;
		try (Socket socket = new Socket("127.0.0.1", portal.port())) {
			socket.setSoTimeout(60_000);
			OutputStream out = startUpload(socket, body, idempotencyKey);
			cluster.stop();
			// the rest of the body, as a client would keep sending it; the server may
			// stop reading once it has answered
			CompletableFuture<Void> rest = CompletableFuture.runAsync(() -> writeQuietly(out, body, body.length / 5));
			answer = readAnswer(socket.getInputStream());
			rest.get();
		}
		finally {
			cluster.start();
		}
		assertThat(answer).as("the answer to an upload whose database went away").startsWith("HTTP/1.1 503 ");
		assertThat(answer).containsIgnoringCase("content-type: application/problem+json")
			.containsIgnoringCase("retry-after: 5\r\n")
			.contains("\"status\":503")
			.contains("/service-unavailable\"");
		assertThat(count("select count(*) from activity where id like 'F1-%'")).isZero();
		assertThat(batches()).as("no batch recorded").isEqualTo(batchesBefore);

		HttpResponse<String> first = retryWhileUnavailable(body, idempotencyKey);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		HttpResponse<String> again = upload(body, idempotencyKey);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(batchId(again)).as("the replay answers the first batch").isEqualTo(batchId(first));
		assertThat(count("select count(*) from activity where id like 'F1-%'")).isEqualTo(50_000);
		assertThat(count("select count(*) from ingest_batch where idempotency_key = '" + idempotencyKey + "'")).isOne();
		assertThat(batches()).isEqualTo(batchesBefore + 1);
	}

	@Test
	void thePortalKilledWhileTheRowsAreCopiedLeavesNothingBehind() throws Exception {
		long batchesBefore = batches();
		byte[] body = ndjson("F2-", 50_000);
		try (Socket socket = new Socket("127.0.0.1", portal.port())) {
			startUpload(socket, body, null);
			portal.kill();
		}
		assertNothingLeftOf("F2-", batchesBefore);
		restartAndResend(body, 50_000);
	}

	@Test
	void thePortalKilledWhileTheBatchMergesLeavesNothingBehind() throws Exception {
		long batchesBefore = batches();
		byte[] body = ndjson("F3-", 20_000);
		try (Connection blocker = cluster.connect(); Socket socket = new Socket("127.0.0.1", portal.port())) {
			// the batch stages its rows, takes the merge lock, records itself, and then
			// waits for this lock to
			// write the activities: it is killed in the middle of its merge
			blocker.setAutoCommit(false);
			try (Statement lock = blocker.createStatement()) {
				lock.execute("lock table activity in share mode");
			}
			OutputStream out = socket.getOutputStream();
			out.write(headers(body.length, null));
			out.write(body);
			out.flush();
			await("the batch merging, waiting to write the activities", Duration.ofSeconds(60),
					() -> count("select count(*) from pg_locks w join pg_locks m on m.pid = w.pid "
							+ "where not w.granted and w.relation = 'activity'::regclass "
							+ "and m.locktype = 'advisory' and m.granted") == 1);
			portal.kill();
			blocker.rollback();
		}
		assertNothingLeftOf("F3-", batchesBefore);
		restartAndResend(body, 20_000);
	}

	private static void assertNothingLeftOf(String prefix, long batchesBefore) throws InterruptedException {
		// the killed JVM's sessions end once their backends notice the closed sockets
		await("every session of the killed portal gone", Duration.ofSeconds(60),
				() -> count("select count(*) from pg_stat_activity where datname = current_database() "
						+ "and backend_type = 'client backend' and pid <> pg_backend_pid()") == 0);
		assertThat(count("select count(*) from activity where id like '" + prefix + "%'")).isZero();
		assertThat(batches()).as("no batch recorded").isEqualTo(batchesBefore);
		assertThat(count("select count(*) from pg_locks l join pg_database d on d.oid = l.database "
				+ "where l.locktype = 'advisory' and d.datname = current_database()"))
			.isZero();
		assertThat(count("select count(*) from pg_prepared_xacts")).isZero();
	}

	/**
	 * Starts the portal again: it answers the data version of the change log, and the
	 * same upload sent again commits (no lock of the killed batch is in its way).
	 */
	private static void restartAndResend(byte[] body, int rows) throws InterruptedException {
		portal.restart();
		assertThat(summaryVersion()).as("the data version after the restart is the newest batch's")
			.isEqualTo(count("select max(data_version) from ingest_batch"));
		HttpResponse<String> resent = upload(body, null);
		assertThat(resent.statusCode()).as(resent.body()).isEqualTo(201);
		assertThat(IngestFixtures.JSON.readValue(resent.body(), Map.class)).containsEntry("rowsInserted", rows);
		long committed = count("select max(data_version) from ingest_batch");
		await("the summary at the resent batch's version", Duration.ofSeconds(30), () -> summaryVersion() == committed);
	}

	private static long summaryVersion() {
		HttpResponse<String> summary = get("/api/v1/summary");
		assertThat(summary.statusCode()).isEqualTo(200);
		return Long.parseLong(summary.headers().firstValue("X-Data-Version").orElseThrow());
	}

	private static HttpResponse<String> retryWhileUnavailable(byte[] body, String idempotencyKey)
			throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		HttpResponse<String> response = upload(body, idempotencyKey);
		while (response.statusCode() == 503 && System.nanoTime() < deadline) {
			Thread.sleep(500);
			response = upload(body, idempotencyKey);
		}
		return response;
	}

	private static HttpResponse<String> upload(byte[] body, String idempotencyKey) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(portal.baseUrl() + "/internal/v1/ingest/activities"))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/x-ndjson")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return send(request.build());
	}

	private static HttpResponse<String> get(String path) {
		return new NodeHttp(portal.baseUrl()).get(path);
	}

	private static HttpResponse<String> send(HttpRequest request) {
		return new NodeHttp(portal.baseUrl()).send(request);
	}

	private static long batchId(HttpResponse<String> response) {
		return ((Number) IngestFixtures.JSON.readValue(response.body(), Map.class).get("id")).longValue();
	}

	private static byte[] headers(long length, String idempotencyKey) {
		String headers = "POST /internal/v1/ingest/activities HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
				+ key + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: " + length + "\r\n"
				+ (idempotencyKey == null ? "" : "Idempotency-Key: " + idempotencyKey + "\r\n") + "\r\n";
		return headers.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Sends the headers and the first fifth of the body, and waits until the portal
	 * copies rows into its stage.
	 */
	private static OutputStream startUpload(Socket socket, byte[] body, String idempotencyKey) throws Exception {
		OutputStream out = socket.getOutputStream();
		out.write(headers(body.length, idempotencyKey));
		out.write(body, 0, body.length / 5);
		out.flush();
		awaitCopyInProgress();
		return out;
	}

	private static void writeQuietly(OutputStream out, byte[] body, int from) {
		try {
			out.write(body, from, body.length - from);
			out.flush();
		}
		catch (IOException ex) {
			// the server answered and closed the connection before reading the whole
			// body: allowed
		}
	}

	/**
	 * The status line, headers and body of the answer (up to the end of the stream or of
	 * a Content-Length body).
	 */
	private static String readAnswer(InputStream in) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		StringBuilder answer = new StringBuilder();
		int read;
		while ((read = in.read(buffer)) > 0) {
			answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
			if (complete(answer.toString())) {
				break;
			}
		}
		return answer.toString();
	}

	private static boolean complete(String answer) {
		int end = answer.indexOf("\r\n\r\n");
		if (end < 0) {
			return false;
		}
		String length = Arrays.stream(answer.substring(0, end).split("\r\n"))
			.filter((h) -> h.toLowerCase().startsWith("content-length:"))
			.map((h) -> h.substring(h.indexOf(':') + 1).trim())
			.findFirst()
			.orElse(null);
		return length != null && answer.length() - end - 4 >= Integer.parseInt(length);
	}

	private static byte[] ndjson(String prefix, int rows) {
		return IngestFixtures.ndjson(IngestFixtures.activities(prefix, rows, "fault")).getBytes(StandardCharsets.UTF_8);
	}

	private static void awaitCopyInProgress() throws InterruptedException {
		await("a COPY into the stage", Duration.ofSeconds(30),
				() -> count("select count(*) from pg_stat_activity where datname = current_database() "
						+ "and query like 'copy stage%'") > 0);
	}

	private static long batches() {
		return count("select count(*) from ingest_batch");
	}

	private static long count(String sql) {
		return cluster.count(sql);
	}

	private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as(what + " within " + timeout.toSeconds() + " s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	/**
	 * An API key of this test's source for activities, stored as the portal stores keys
	 * (SHA-256 of the text).
	 */
	private static String createKey() throws Exception {
		String text = "ktk_faults" + System.nanoTime();
		String hash = HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
		try (Connection c = cluster.connect();
				PreparedStatement insert = c.prepareStatement(
						"insert into ingest_key (source, key_hash, datasets) values (?, ?, array['activities'])")) {
			insert.setString(1, SOURCE);
			insert.setString(2, hash);
			insert.executeUpdate();
		}
		return text;
	}

	private static MessageDigest sha256() throws NoSuchAlgorithmException {
		return MessageDigest.getInstance("SHA-256");
	}

}
