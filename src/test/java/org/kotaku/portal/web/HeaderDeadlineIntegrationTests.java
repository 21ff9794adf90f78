package org.kotaku.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.kotaku.portal.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request's head must arrive within {@code portal.http.header-timeout} (1 s here) of
 * its first byte: a client that stalls or trickles header bytes (slowloris) gets a 408
 * problem and loses the connection, while a head sent in a few quick pieces and a
 * keep-alive connection idle between requests are served. Shares its context (and its 1 s
 * deadline) with {@code IngestLimitsIntegrationTests}, which shows that a slow body is
 * not cut by it.
 */
@IntegrationTest
@TestPropertySource(properties = { "portal.ingest.max-body-size=10KB", "portal.ingest.database.lock-wait=2s",
		"portal.ingest.idle-timeout=1s", "portal.ingest.upload-timeout=4s", "portal.http.header-timeout=1s" })
class HeaderDeadlineIntegrationTests {

	private static final String HEAD = "GET /actuator/health/liveness HTTP/1.1\r\nHost: localhost\r\n";

	@LocalServerPort
	int port;

	@Test
	void aHeadThatStallsIsAnswered408AndTheConnectionClosed() throws Exception {
		try (Socket socket = socket()) {
			long start = System.nanoTime();
			send(socket, HEAD); // and never the blank line
			String answer = readUntilClosed(socket);
			long millis = (System.nanoTime() - start) / 1_000_000;
			assertThat(answer).startsWith("HTTP/1.1 408")
				.contains("application/problem+json")
				.contains("/problems/request-timeout")
				.contains("portal.http.header-timeout");
			assertThat(millis).as("closed after the 1 s deadline, not the 60 s idle timeout").isBetween(900L, 10_000L);
		}
	}

	@Test
	void aHeadTrickledByteByByteLosesItsConnectionAtTheDeadline() throws Exception {
		try (Socket socket = socket()) {
			long start = System.nanoTime();
			send(socket, HEAD);
			boolean ended = false;
			for (int i = 0; i < 100 && !ended; i++) { // 100 x 100 ms: ten times the
														// deadline
				try {
					send(socket, "X");
					Thread.sleep(100);
					ended = socket.getInputStream().available() > 0 || isClosed(socket);
				}
				catch (SocketException ex) {
					ended = true;
				}
			}
			long millis = (System.nanoTime() - start) / 1_000_000;
			assertThat(ended).as("the server ended the connection").isTrue();
			assertThat(millis).as("each byte does not restart the deadline").isLessThan(5_000L);
		}
	}

	@Test
	void aHeadInQuickPiecesAndAnIdleKeepAliveConnectionAreServed() throws Exception {
		try (Socket socket = socket()) {
			send(socket, "GET /actuator/health/liv");
			Thread.sleep(300);
			send(socket, "eness HTTP/1.1\r\nHost: loc");
			Thread.sleep(300);
			send(socket, "alhost\r\n\r\n");
			assertThat(readAnswer(socket)).startsWith("HTTP/1.1 200").endsWith("{\"status\":\"UP\"}");
			Thread.sleep(2_000); // idle twice the header deadline: the connection waits
									// for its next request
			send(socket, HEAD + "\r\n");
			assertThat(readAnswer(socket)).startsWith("HTTP/1.1 200").endsWith("{\"status\":\"UP\"}");
		}
	}

	private Socket socket() throws IOException {
		Socket socket = new Socket("127.0.0.1", this.port);
		socket.setSoTimeout(15_000);
		return socket;
	}

	private static void send(Socket socket, String text) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(text.getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	/** Whether the server closed its side: a read would give end of stream at once. */
	private static boolean isClosed(Socket socket) throws IOException {
		socket.setSoTimeout(1);
		try {
			return socket.getInputStream().read() == -1;
		}
		catch (java.net.SocketTimeoutException ex) {
			return false;
		}
		finally {
			socket.setSoTimeout(15_000);
		}
	}

	private static String readUntilClosed(Socket socket) throws IOException {
		return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
	}

	/** One answer with a Content-Length body, read off a connection that stays open. */
	private static String readAnswer(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		StringBuilder head = new StringBuilder();
		while (head.indexOf("\r\n\r\n") < 0) {
			int b = in.read();
			if (b == -1) {
				throw new IOException("closed after " + head);
			}
			head.append((char) b);
		}
		String lower = head.toString().toLowerCase();
		int at = lower.indexOf("content-length:");
		int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).strip());
		return head + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
	}

}
