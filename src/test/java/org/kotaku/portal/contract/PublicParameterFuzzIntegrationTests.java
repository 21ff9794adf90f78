package org.kotaku.portal.contract;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded fuzzing of every public parameter parser: for each public GET operation of
 * openapi/portal.yaml, requests with its documented parameters (and unknown, repeated and
 * empty ones) set to hostile values from the corpus
 * {@code src/test/resources/fuzz/parameters.txt} (NUL, invalid UTF-8, bad escapes, huge
 * and odd numbers, broken boxes, codes and dates, very long values), or its path values
 * damaged. The invariant: a success or a 4xx problem+json, never a 5xx.
 * {@code -Dfuzz.seed} and {@code -Dfuzz.cases} (per operation) run other or more cases.
 */
@IntegrationTest
@WithTinyDemo
class PublicParameterFuzzIntegrationTests {

	private static final long SEED = Long.getLong("fuzz.seed", 20161L);

	private static final int CASES = Integer.getInteger("fuzz.cases", 12);

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@BeforeAll
	static void readContract() throws IOException {
		OpenApiContractIntegrationTests.readContract();
	}

	@Test
	void everyHostileParameterIsASuccessOrA4xxProblem() throws IOException {
		OpenApiContractIntegrationTests.awaitBulkFiles(this.client);
		List<String> values = corpus();
		Random random = new Random(SEED);
		List<String> failures = new ArrayList<>();
		Map<Integer, Integer> statuses = new TreeMap<>();
		int operations = 0;
		for (Map.Entry<String, JsonNode> path : OpenApiContractIntegrationTests.contract.get("paths").properties()) {
			JsonNode get = path.getValue().get("get");
			if (get == null || !isPublicData(path.getKey())
					|| OpenApiContractIntegrationTests.requiresCredentials(get)) {
				continue;
			}
			operations++;
			List<JsonNode> parameters = OpenApiContractIntegrationTests.parameters(get);
			for (int n = 0; n < CASES; n++) {
				String uri = hostile(path.getKey(), parameters, values, random);
				RawAnswer answer = get(uri);
				statuses.merge(answer.status(), 1, Integer::sum);
				if (answer.status() >= 500 || (answer.status() >= 400 && !answer.isProblem())) {
					failures.add("GET " + uri + " -> " + answer);
				}
			}
		}
		System.out.println("parameter fuzz, seed " + SEED + ", " + operations + " operations x " + CASES
				+ " cases, answers by status: " + statuses);
		assertThat(operations).as("public operations fuzzed").isGreaterThan(30);
		assertThat(failures).as("hostile requests of seed " + SEED).isEmpty();
		assertThat(statuses).as("answers by status").containsKeys(200, 400);
	}

	/**
	 * The API, OGC, tiles, downloads and catalogs; the site's HTML pages have their own
	 * tests.
	 */
	private static boolean isPublicData(String path) {
		return List.of("/api/", "/ogc", "/tiles/", "/downloads", "/catalog", "/datapackage")
			.stream()
			.anyMatch(path::startsWith);
	}

	private String hostile(String template, List<JsonNode> parameters, List<String> values, Random random) {
		String path = template;
		List<String> query = new ArrayList<>();
		boolean damagePath = random.nextInt(4) == 0;
		for (JsonNode parameter : parameters) {
			String name = parameter.get("name").asText();
			if (parameter.path("in").asText().equals("path")) {
				String value = damagePath && random.nextBoolean() ? pick(values, random)
						: OpenApiContractIntegrationTests.pathValue(this.client, parameter);
				path = path.replace("{" + name + "}", value.isEmpty() ? "x" : value);
			}
		}
		List<String> names = parameters.stream()
			.filter((p) -> p.path("in").asText().equals("query"))
			.map((p) -> p.get("name").asText())
			.toList();
		int count = names.isEmpty() ? random.nextInt(2) : 1 + random.nextInt(3);
		for (int i = 0; i < count; i++) {
			String name = names.isEmpty() || random.nextInt(6) == 0 ? pick(List.of("yaer", "%00", "limit", "f"), random)
					: names.get(random.nextInt(names.size()));
			query.add(name + "=" + pick(values, random));
			if (random.nextInt(8) == 0) {
				query.add(name + "=" + pick(values, random)); // repeated
			}
		}
		return query.isEmpty() ? path : path + "?" + String.join("&", query);
	}

	/**
	 * A GET over a plain socket: java.net.URI (and so every HTTP client) refuses a
	 * malformed escape such as {@code %ZZ}, which a hostile client sends all the same.
	 */
	private RawAnswer get(String uri) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream()
				.write(("GET " + uri + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int headersEnd = answer.indexOf("\r\n\r\n");
			assertThat(headersEnd).as("an HTTP answer to GET " + uri + ": " + answer).isPositive();
			String[] lines = answer.substring(0, headersEnd).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			String contentType = java.util.Arrays.stream(lines)
				.filter((l) -> l.toLowerCase().startsWith("content-type:"))
				.map((l) -> l.substring(13).trim())
				.findFirst()
				.orElse("");
			return new RawAnswer(status, contentType, answer.substring(headersEnd + 4));
		}
	}

	record RawAnswer(int status, String contentType, String body) {

		/**
		 * problem+json with its type and the same status (a chunked body still holds the
		 * JSON text).
		 */
		boolean isProblem() {
			return this.contentType.startsWith("application/problem+json") && this.body.contains("\"type\":")
					&& this.body.contains("\"status\":" + this.status);
		}

		@Override
		public String toString() {
			return this.status + " " + this.contentType + ": "
					+ (this.body.length() > 300 ? this.body.substring(0, 300) + "..." : this.body);
		}

	}

	private static String pick(List<String> values, Random random) {
		return values.get(random.nextInt(values.size()));
	}

	private static List<String> corpus() throws IOException {
		List<String> values = new ArrayList<>(
				Files.readAllLines(Path.of("src", "test", "resources", "fuzz", "parameters.txt"))
					.stream()
					.filter((line) -> !line.isBlank() && !line.startsWith("#"))
					.map((line) -> line.equals("<empty>") ? "" : line)
					.toList());
		values.add("a".repeat(10_000));
		values.add("1,".repeat(3_000) + "1");
		return values;
	}

}
