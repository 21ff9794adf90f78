package org.kotaku.portal.ingest.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.kotaku.portal.demo.DemoLoader;
import org.kotaku.portal.demo.DemoScale;
import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.ingest.keys.ApiKeys;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.TestDatabase;
import org.kotaku.portal.support.TinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded fuzzing of the ingestion parsers over HTTP (JSON, NDJSON and CSV bodies;
 * numbers, dates, codes, WKT and GeoJSON geometries; byte-level damage: invalid UTF-8,
 * NUL, truncation, stray quotes and brackets). The invariant for every case: the answer
 * is a success or a 4xx problem+json, never a 5xx, and a refused upload writes nothing at
 * all (no batch, no row in any canonical table). Values come from the corpus
 * {@code src/test/resources/fuzz/values.txt}; {@code -Dfuzz.seed} and
 * {@code -Dfuzz.cases} run other or more cases, and a failing case names its seed and is
 * saved under {@code target/fuzz-failures} to join the corpus.
 */
@IntegrationTest
@TestPropertySource(properties = "test.database=own") // what the parsers accept is
														// committed: kept from the others
class IngestFuzzIntegrationTests {

	private static final long SEED = Long.getLong("fuzz.seed", 20161L);

	private static final int CASES = Integer.getInteger("fuzz.cases", 240);

	private static final Set<Integer> EXPECTED = Set.of(200, 201, 400, 408, 409, 413, 415, 422);

	private static final List<MediaType> FORMATS = List.of(RowDecoder.NDJSON, MediaType.APPLICATION_JSON,
			IngestHttpIntegrationTests.CSV);

	private static final String WRITTEN = "select (select count(*) from ingest_batch), (select count(*) from region)"
			+ " + (select count(*) from slum_area) + (select count(*) from slum_decree) + (select count(*) from assessment)"
			+ " + (select count(*) from assessment_score) + (select count(*) from access_indicator)"
			+ " + (select count(*) from allocation) + (select count(*) from disbursement) + (select count(*) from activity)"
			+ " + (select count(*) from tombstone)";

	@Autowired
	WebTestClient http;

	@Autowired
	ApiKeys keys;

	@Autowired
	DemoLoader demo;

	@Autowired
	Environment environment;

	String key;

	private static boolean loaded;

	@BeforeEach
	void setUp() {
		if (!loaded) {
			this.demo.load(DemoScale.TINY, TinyDemo.SEED).then().block(Duration.ofMinutes(2));
			loaded = true;
		}
		this.http = this.http.mutate().responseTimeout(Duration.ofMinutes(1)).build();
		this.key = this.keys.create("fuzz-tests", List.of(Dataset.values())).block().key();
	}

	@Test
	void everyDamagedUploadIsASuccessOrA4xxProblemAndARefusedOneWritesNothing() throws Exception {
		List<String> values = corpus();
		Random random = new Random(SEED);
		List<String> failures = new ArrayList<>();
		Map<Integer, Integer> statuses = new java.util.TreeMap<>();
		for (int n = 0; n < CASES; n++) {
			Dataset dataset = Dataset.values()[random.nextInt(Dataset.values().length)];
			MediaType format = FORMATS.get(random.nextInt(FORMATS.size()));
			List<Map<String, Object>> rows = IngestFixtures.standalone(dataset, "FZ" + n + "-", 1 + random.nextInt(3));
			byte[] body = damaged(rows, format, values, random);
			String failure = check(n, dataset, format, body, statuses);
			if (failure != null) {
				failures.add(failure);
			}
		}
		assertThat(failures).as("cases of seed " + SEED + " (bodies in target/fuzz-failures)").isEmpty();
		// the damage is neither too mild nor too brutal: both accepted and refused
		// uploads occur
		System.out.println("ingest fuzz, seed " + SEED + ", " + CASES + " cases, answers by status: " + statuses);
		assertThat(statuses).as("answers by status").containsKeys(201, 400, 422);
	}

	/** Null when the case keeps the invariant, otherwise what went wrong. */
	private String check(int n, Dataset dataset, MediaType format, byte[] body, Map<Integer, Integer> statuses)
			throws Exception {
		long[] before = written();
		EntityExchangeResult<byte[]> answer = this.http.post()
			.uri("/internal/v1/ingest/" + dataset.publicName())
			.header("Authorization", "Bearer " + this.key)
			.contentType(format)
			.bodyValue(body)
			.exchange()
			.expectBody()
			.returnResult();
		int status = answer.getStatus().value();
		statuses.merge(status, 1, Integer::sum);
		long[] after = written();
		String problem = null;
		if (!EXPECTED.contains(status)) {
			problem = "status " + status;
		}
		else if (status >= 400 && !isProblem(answer)) {
			problem = "a " + status + " that is not problem+json";
		}
		else if (status >= 400 && (after[0] != before[0] || after[1] != before[1])) {
			problem = "a refused upload (" + status + ") changed the tables";
		}
		if (problem == null) {
			return null;
		}
		Path saved = save(n, dataset, format, body);
		return "case " + n + " (" + dataset.publicName() + ", " + format + "): " + problem + ": "
				+ new String(answer.getResponseBodyContent() == null ? new byte[0] : answer.getResponseBodyContent(),
						StandardCharsets.UTF_8)
				+ " [" + saved + "]";
	}

	private static boolean isProblem(EntityExchangeResult<byte[]> answer) {
		MediaType type = answer.getResponseHeaders().getContentType();
		if (type == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type)) {
			return false;
		}
		JsonNode problem = IngestFixtures.JSON.readTree(answer.getResponseBodyContent());
		return problem.hasNonNull("type") && problem.hasNonNull("title") && problem.hasNonNull("detail")
				&& problem.path("status").asInt() == answer.getStatus().value();
	}

	/** A valid upload, then one to three kinds of damage. */
	private static byte[] damaged(List<Map<String, Object>> rows, MediaType format, List<String> values,
			Random random) {
		int kinds = 1 + random.nextInt(3);
		boolean bytesDamaged = false;
		for (int k = 0; k < kinds; k++) {
			switch (random.nextInt(4)) {
				case 0, 1 -> replaceValue(rows, values, random);
				case 2 -> rows.get(random.nextInt(rows.size()))
					.put(randomFieldName(rows, random), parse(pick(values, random)));
				default -> bytesDamaged = true;
			}
		}
		byte[] body = serialise(rows, format).getBytes(StandardCharsets.UTF_8);
		return bytesDamaged ? damageBytes(body, random) : body;
	}

	private static void replaceValue(List<Map<String, Object>> rows, List<String> values, Random random) {
		Map<String, Object> row = rows.get(random.nextInt(rows.size()));
		List<String> fields = new ArrayList<>(row.keySet());
		row.put(fields.get(random.nextInt(fields.size())), parse(pick(values, random)));
	}

	/**
	 * A field the dataset has (of another row's shape), a misspelt one, or an odd name.
	 */
	private static String randomFieldName(List<Map<String, Object>> rows, Random random) {
		List<String> names = new ArrayList<>(rows.get(0).keySet());
		String name = names.get(random.nextInt(names.size()));
		return switch (random.nextInt(4)) {
			case 0 -> name.toUpperCase();
			case 1 -> name + "_";
			case 2 -> "";
			default -> "op";
		};
	}

	private static byte[] damageBytes(byte[] body, Random random) {
		byte[] damage = switch (random.nextInt(6)) {
			case 0 -> new byte[] { (byte) 0xC3, 0x28 }; // invalid UTF-8
			case 1 -> new byte[] { 0 };
			case 2 -> new byte[] { '"' };
			case 3 -> new byte[] { '{', '[' };
			case 4 -> new byte[] { '\r', '\n', ',' };
			default -> new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }; // a BOM in
																				// the
																				// middle
		};
		if (body.length == 0 || random.nextInt(5) == 0) {
			return java.util.Arrays.copyOf(body, body.length == 0 ? 0 : random.nextInt(body.length)); // truncated
		}
		int at = random.nextInt(body.length);
		byte[] out = new byte[body.length + damage.length];
		System.arraycopy(body, 0, out, 0, at);
		System.arraycopy(damage, 0, out, at, damage.length);
		System.arraycopy(body, at, out, at + damage.length, body.length - at);
		return out;
	}

	private static String serialise(List<Map<String, Object>> rows, MediaType format) {
		if (format.equals(RowDecoder.NDJSON)) {
			return IngestFixtures.ndjson(rows);
		}
		return format.equals(MediaType.APPLICATION_JSON) ? IngestFixtures.jsonArray(rows) : IngestFixtures.csv(rows);
	}

	private static Object parse(String json) {
		return IngestFixtures.JSON.readValue(json, Object.class);
	}

	private static String pick(List<String> values, Random random) {
		return values.get(random.nextInt(values.size()));
	}

	private static List<String> corpus() throws IOException {
		Path file = Path.of("src", "test", "resources", "fuzz", "values.txt");
		return Files.readAllLines(file).stream().filter((line) -> !line.isBlank() && !line.startsWith("#")).toList();
	}

	private static Path save(int n, Dataset dataset, MediaType format, byte[] body) throws IOException {
		Path folder = Files.createDirectories(Path.of("target", "fuzz-failures"));
		String extension = format.equals(IngestHttpIntegrationTests.CSV) ? "csv"
				: format.equals(RowDecoder.NDJSON) ? "ndjson" : "json";
		return Files.write(folder.resolve(SEED + "-" + n + "-" + dataset.publicName() + "." + extension), body);
	}

	private long[] written() throws Exception {
		try (Connection c = DriverManager.getConnection(this.environment.getRequiredProperty("spring.flyway.url"),
				TestDatabase.USER, TestDatabase.PASSWORD);
				Statement s = c.createStatement();
				ResultSet rows = s.executeQuery(WRITTEN)) {
			rows.next();
			return new long[] { rows.getLong(1), rows.getLong(2) };
		}
	}

}
