package org.kotaku.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.PortalApplication;
import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.ingest.keys.ApiKeys;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.OwnNettyResources;
import org.kotaku.portal.support.TestDatabase;
import org.kotaku.portal.support.TestDatabaseInitializer;
import org.kotaku.portal.support.TestIngest;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping a node (SIGTERM closes the context the same way) lets the answer in flight
 * finish: an upload whose body is still arriving when the stop begins is read to its end
 * and its batch commits, while the server already refuses new connections. The node is
 * one of its own (started here, on its own port) against the test database.
 */
@IntegrationTest
@WithTinyDemo
class GracefulShutdownIntegrationTests {

	@TestConfiguration
	static class UploadProbe {

		/**
		 * Counted down when an upload reaches the web filters: the request is in flight.
		 */
		static volatile CountDownLatch entered = new CountDownLatch(1);

		@Bean
		WebFilter noticeUploads() {
			return (exchange, chain) -> Mono.fromRunnable(() -> {
				if (exchange.getRequest().getPath().value().startsWith("/internal/v1/ingest/")) {
					entered.countDown();
				}
			}).then(chain.filter(exchange));
		}

	}

	private ConfigurableApplicationContext node;

	@BeforeEach
	void startOwnNode() {
		UploadProbe.entered = new CountDownLatch(1);
		this.node = new SpringApplicationBuilder(PortalApplication.class, UploadProbe.class)
			.initializers(new TestDatabaseInitializer(), new OwnNettyResources())
			.run("--server.port=0", "--spring.application.name=kotaku-portal-shutdown", "--portal.bulk.enabled=false",
					"--spring.lifecycle.timeout-per-shutdown-phase=30s");
	}

	@AfterEach
	void stopOwnNode() {
		if (this.node != null && this.node.isActive()) {
			this.node.close();
		}
	}

	@Test
	void anUploadInFlightCompletesAndCommitsWhileNewConnectionsAreRefused() throws Exception {
		assertThat(this.node.getEnvironment().getProperty("server.shutdown")).isEqualTo("graceful");
		int port = Integer.parseInt(this.node.getEnvironment().getProperty("local.server.port"));
		String key = this.node.getBean(ApiKeys.class)
			.create("shutdown-test", List.of(Dataset.ACTIVITIES))
			.block()
			.key();
		String prefix = "GS-" + System.nanoTime() + "-";
		JsonMapper json = JsonMapper.builder().build();
		byte[] body = IntStream.range(0, 3)
			.mapToObj((i) -> json.writeValueAsString(TestIngest.activityRow(prefix + i, 1_000_000 + i)))
			.collect(Collectors.joining("\n", "", "\n"))
			.getBytes(StandardCharsets.UTF_8);

		try (Socket upload = new Socket("127.0.0.1", port)) {
			upload.setSoTimeout(60_000);
			OutputStream out = upload.getOutputStream();
			out.write(("POST /internal/v1/ingest/activities HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
					+ "\r\nContent-Type: application/x-ndjson\r\nContent-Length: " + body.length + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(body, 0, body.length / 2);
			out.flush();
			assertThat(UploadProbe.entered.await(30, TimeUnit.SECONDS)).as("the upload reached the server").isTrue();

			Thread stopping = new Thread(this.node::close, "closing-the-node");
			stopping.start();
			awaitRefused(port);
			assertThat(stopping.isAlive()).as("the stop waits for the upload in flight").isTrue();

			trickle(out, body, body.length / 2);
			String answer = answer(upload.getInputStream());
			assertThat(answer).startsWith("HTTP/1.1 201").contains("\"rowsReceived\":3");
			stopping.join(TimeUnit.SECONDS.toMillis(60));
			assertThat(stopping.isAlive()).as("the node stopped once the upload was answered").isFalse();
		}
		assertThat(this.node.isActive()).isFalse();
		assertThat(count("select count(*) from activity where id like '" + prefix + "%'")).as("the batch committed")
			.isEqualTo(3);
	}

	/**
	 * Sends the rest of {@code body} from {@code from} as a slow client does, over about
	 * 6 s: longer than the 3 s an immediate stop grants the connections still open
	 * (Reactor Netty's disposeNow), so only a graceful stop lets the upload finish.
	 */
	private static void trickle(OutputStream out, byte[] body, int from) throws IOException, InterruptedException {
		int pieces = 12;
		int size = (body.length - from + pieces - 1) / pieces;
		for (int at = from; at < body.length; at += size) {
			Thread.sleep(500);
			out.write(body, at, Math.min(size, body.length - at));
			out.flush();
		}
	}

	/**
	 * Waits until a new connection to {@code port} is refused (the stop began), at most
	 * 20 s.
	 */
	private static void awaitRefused(int port) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (System.nanoTime() < deadline) {
			try (Socket probe = new Socket()) {
				probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			}
			catch (ConnectException refused) {
				return;
			}
			catch (IOException other) {
				// not refused yet in a way that tells (e.g. a timeout); try again
			}
			Thread.sleep(20);
		}
		throw new AssertionError("port " + port + " still accepted connections 20 s after the stop began");
	}

	/**
	 * Status line, headers and the JSON body (until its last closing brace at the end of
	 * the answer).
	 */
	private static String answer(InputStream in) throws IOException {
		StringBuilder answer = new StringBuilder();
		int depth = 0;
		boolean inBody = false;
		int b;
		while ((b = in.read()) != -1) {
			answer.append((char) b);
			if (!inBody && answer.indexOf("\r\n\r\n") > 0) {
				inBody = true;
			}
			if (inBody && b == '{') {
				depth++;
			}
			if (inBody && b == '}' && --depth == 0) {
				break;
			}
		}
		return answer.toString();
	}

	private static long count(String sql) throws SQLException {
		try (Connection c = TestDatabase.shared().connect();
				Statement s = c.createStatement();
				ResultSet rows = s.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
