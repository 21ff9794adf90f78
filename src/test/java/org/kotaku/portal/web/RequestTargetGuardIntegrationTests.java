package org.kotaku.portal.web;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that never reach the framework (a target java.net.URI refuses, a request line
 * or headers Netty will not read) are answered with a specific problem+json, not the
 * empty 400 or 414 they got before, and the next connection is served as usual. Sent over
 * a plain socket: every HTTP client refuses to send such requests.
 */
@IntegrationTest
@WithTinyDemo(readModel = true)
class RequestTargetGuardIntegrationTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "/api/v1/summary?year=%|400|invalid-parameter|\"parameter\":\"year\"",
					"/api/v1/activities?type=road&q=%ZZ|400|invalid-parameter|\"parameter\":\"q\"",
					"/ogc/collections/activities/items?bbox=1,2,3,4%|400|invalid-parameter|\"parameter\":\"bbox\"",
					"/api/v1/activities/%ZZ|400|malformed-request|position 20",
					"/api/v1/activities?q=\"jalan\"|400|malformed-request|Illegal character in query" })
	void aTargetTheFrameworkCannotParseIsASpecificProblem(String target, int status, String type, String detail)
			throws IOException {
		String answer = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
		assertProblem(answer, status, type);
		assertThat(answer).contains(detail).containsIgnoringCase("connection: close");
		assertThat(send(ok())).startsWith("HTTP/1.1 200");
	}

	@Test
	void aRequestLineOrHeadersTooLongAreProblemsToo() throws IOException {
		assertProblem(send("GET /ogc?f=" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"), 414,
				"uri-too-long");
		assertProblem(
				send("GET /api/v1/summary HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(10_000) + "\r\n\r\n"),
				431, "headers-too-large");
		assertThat(send(ok())).startsWith("HTTP/1.1 200");
	}

	private static String ok() {
		return "GET /api/v1/summary?year=2020 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
	}

	private static void assertProblem(String answer, int status, String type) {
		assertThat(answer).startsWith("HTTP/1.1 " + status)
			.containsIgnoringCase("content-type: application/problem+json")
			.contains("\"type\":\"/problems/" + type + "\"")
			.contains("\"status\":" + status);
	}

	private String send(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
