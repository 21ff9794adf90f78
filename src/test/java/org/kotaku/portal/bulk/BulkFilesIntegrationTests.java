package org.kotaku.portal.bulk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.catalog.Field;
import org.kotaku.portal.ingest.batch.IngestRequest;
import org.kotaku.portal.ingest.IngestService;
import org.kotaku.portal.readmodel.ReadModel;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.ReadModels;
import org.kotaku.portal.support.TestDatabase;
import org.kotaku.portal.support.TestIngest;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bulk files of the tiny demo data on a real PostGIS: every file parses back (CSV
 * with Jackson's CSV parser, GeoJSON with Jackson and PostGIS) to exactly the rows the
 * API serves at that version and matches the table schema of {@code /datapackage.json};
 * an ingestion writes a new version whose deltas turn the previous files into the new
 * ones, while the old URLs keep their bytes; ranges, validators, 404/410/416 and the
 * licence.
 */
@IntegrationTest
@WithTinyDemo(readModel = true)
@SuppressWarnings("unchecked")
class BulkFilesIntegrationTests {

	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

	@Autowired
	WebTestClient client;

	@Autowired
	JsonMapper json;

	@Autowired
	IngestService ingest;

	@Autowired
	ReadModel readModel;

	@Autowired
	BulkProperties properties;

	static final String FORMULA = "=HYPERLINK(\"http://example.org\",\"klik\")";

	@Test
	void everyFileHoldsExactlyTheRowsTheApiServesAtItsVersion() {
		JsonNode manifest = awaitFilesOf(ReadModels.latestVersion());
		long version = manifest.get("version").asLong();
		for (Dataset dataset : Catalog.all()) {
			JsonNode csvFile = file(manifest, dataset, "csv");
			List<String[]> rows = csv(bytes(csvFile));
			assertThat(rows.get(0)).as(dataset.id() + " header").containsExactlyElementsOf(dataset.fieldNames());
			List<String[]> records = rows.subList(1, rows.size());
			assertThat(records).as(dataset.id()).hasSize(csvFile.get("rowCount").asInt());
			assertThat(ids(records)).as(dataset.id() + " rows in code-point order of their ids")
				.isSortedAccordingTo(Delta::compareCodePoints)
				.doesNotHaveDuplicates();
			if (dataset == Catalog.REGIONS) {
				assertThat((long) records.size()).isEqualTo(count("select count(*) from region"));
			}
			else {
				List<String[]> api = csv(big().get()
					.uri(dataset.apiPath() + "?format=csv&limit=all")
					.exchange()
					.expectStatus()
					.isOk()
					.expectHeader()
					.valueEquals("X-Data-Version", Long.toString(version))
					.expectBody()
					.returnResult()
					.getResponseBody());
				assertThat(byId(records)).as(dataset.id() + " = the API's CSV")
					.isEqualTo(byId(api.subList(1, api.size())));
			}
			if (dataset.hasGeometry()) {
				checkGeoJson(dataset, file(manifest, dataset, "geojson"), records);
			}
		}
	}

	@Test
	void everyGeoPackageHoldsTheRowsOfItsCsvFileAndGdalReadsIt(@org.junit.jupiter.api.io.TempDir Path folder)
			throws Exception {
		JsonNode manifest = awaitFilesOf(ReadModels.latestVersion());
		for (Dataset dataset : Catalog.all()) {
			JsonNode gpkg = file(manifest, dataset, "gpkg");
			Path copy = folder.resolve(gpkg.get("file").asString());
			Files.write(copy, bytes(gpkg));
			Map<String, Map<String, Object>> expected = typed(dataset, csv(bytes(file(manifest, dataset, "csv"))));
			Map<String, Map<String, Object>> actual = new TreeMap<>();
			try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + copy);
					var s = c.createStatement();
					var rows = s.executeQuery("select * from \"" + dataset.id() + "\"")) {
				while (rows.next()) {
					Map<String, Object> record = new LinkedHashMap<>();
					for (Field field : dataset.fields()) {
						record.put(field.name(), sqliteValue(field, rows.getObject(field.name())));
					}
					actual.put((String) record.get(dataset.idField().name()), asJson(record));
				}
			}
			assertThat(actual).as(dataset.id() + " GeoPackage = CSV").isEqualTo(expected);
			String info = gdal("ogrinfo", "-ro", "-so", copy.toString(), dataset.id());
			assertThat(info).as(dataset.id()).contains("Feature Count: " + expected.size()).doesNotContain("Warning");
			assertThat(info.contains("Geometry Column = geom")).as(dataset.id() + " geometry")
				.isEqualTo(dataset.hasGeometry());
		}
	}

	/**
	 * A GeoPackage cell as the CSV-typed value: decimals come back as doubles, booleans
	 * as 0/1, lists joined.
	 */
	private static Object sqliteValue(Field field, Object value) {
		if (value == null) {
			return null;
		}
		return switch (field.type()) {
			case DECIMAL -> ((Number) value).doubleValue();
			case BOOLEAN -> ((Number) value).intValue() == 1;
			default -> field.type().fromCsv(value.toString());
		};
	}

	private static String gdal(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
		return out;
	}

	@Test
	void everyCsvFileMatchesItsTableSchemaInTheDataPackage() {
		JsonNode manifest = awaitFilesOf(ReadModels.latestVersion());
		JsonNode pack = this.json.readTree(this.client.get()
			.uri("/datapackage.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(pack.at("/licenses/0/name").asString()).isEqualTo("CC-BY-4.0");
		assertThat(pack.get("resources")).hasSize(Catalog.all().size());
		for (JsonNode resource : pack.get("resources")) {
			Dataset dataset = Catalog.find(resource.get("name").asString()).orElseThrow();
			JsonNode file = file(manifest, dataset, "csv");
			assertThat(resource.get("path").asString())
				.isEqualTo("http://localhost:8080" + file.get("path").asString());
			assertThat(resource.get("hash").asString()).isEqualTo("sha256:" + file.get("sha256").asString());
			assertThat(resource.get("bytes").asLong()).isEqualTo(file.get("byteSize").asLong());
			assertThat(resource.get("compression").asString()).isEqualTo("gz");
			List<String[]> rows = csv(bytes(file));
			checkTableSchema(dataset.id(), resource.get("schema"), rows);
		}
	}

	@Test
	void theDcatCatalogListsEveryFileWithItsDownloadUrlSizeAndChecksum() {
		JsonNode manifest = awaitFilesOf(ReadModels.latestVersion());
		String body = this.client.get()
			.uri("/catalog.jsonld")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		org.apache.jena.rdf.model.Model model = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
		org.apache.jena.riot.RDFParser.create()
			.source(new java.io.StringReader(body))
			.lang(org.apache.jena.riot.Lang.JSONLD)
			.parse(model);
		String dcat = "http://www.w3.org/ns/dcat#";
		String spdx = "http://spdx.org/rdf/terms#";
		for (JsonNode file : manifest.get("files")) {
			String url = "http://localhost:8080" + file.get("path").asString();
			org.apache.jena.rdf.model.Resource distribution = model.createResource(url);
			org.apache.jena.rdf.model.Resource dataset = model
				.createResource("http://localhost:8080/api/v1/datasets/" + file.get("dataset").asString());
			assertThat(model.contains(dataset, model.createProperty(dcat, "distribution"), distribution)).as(url)
				.isTrue();
			assertThat(
					model.getProperty(distribution, model.createProperty(dcat, "downloadURL")).getResource().getURI())
				.isEqualTo(url);
			assertThat(model.getProperty(distribution, model.createProperty(dcat, "byteSize")).getLong())
				.isEqualTo(file.get("byteSize").asLong());
			org.apache.jena.rdf.model.Resource checksum = model
				.getProperty(distribution, model.createProperty(spdx, "checksum"))
				.getResource();
			assertThat(model.getProperty(checksum, model.createProperty(spdx, "checksumValue")).getString())
				.isEqualTo(file.get("sha256").asString());
			if (file.get("compression").isNull()) {
				assertThat(model.contains(distribution, model.createProperty(dcat, "compressFormat"))).as(url)
					.isFalse();
			}
			else {
				assertThat(model.getProperty(distribution, model.createProperty(dcat, "compressFormat"))
					.getResource()
					.getURI()).isEqualTo("http://www.iana.org/assignments/media-types/application/gzip");
			}
		}
	}

	@Test
	void anIngestionWritesANewVersionWhoseDeltasTurnThePreviousFilesIntoTheNewOnes() {
		// ids and amounts of this run only, so that a rerun on the same database changes
		// something again
		String run = Long.toString(System.nanoTime(), 36);
		long budget = 5_000_000 + (System.nanoTime() % 1000) * 1000;
		TestIngest.activity(this.ingest, "bulk-test-gone-" + run, 4_000_000);
		ReadModels.awaitLatest(this.readModel);
		JsonNode before = awaitFilesOf(ReadModels.latestVersion());
		JsonNode oldActivities = file(before, Catalog.ACTIVITIES, "csv");
		byte[] oldBytes = bytes(oldActivities);
		String changedId = csv(oldBytes).get(1)[0];
		// one batch, so one new version: a record created, one changed, one deleted
		Map<String, Object> delete = new LinkedHashMap<>();
		delete.put("op", "delete");
		delete.put("id", "bulk-test-gone-" + run);
		// a name a spreadsheet would run as a formula: guarded in every CSV, exactly
		// itself in JSON and the delta
		Map<String, Object> created = TestIngest.activityRow("bulk-test-new-" + run, 3_000_000);
		created.put("name", FORMULA);
		this.ingest
			.ingest(IngestRequest.upsert(org.kotaku.portal.ingest.dataset.Dataset.ACTIVITIES, "bulk-test", true),
					Flux.just(created, TestIngest.activityRow(changedId, budget), delete))
			.block(Duration.ofMinutes(1));
		ReadModels.awaitLatest(this.readModel);
		JsonNode after = awaitFilesOf(ReadModels.latestVersion());
		assertThat(after.get("previousVersion").asLong()).isEqualTo(before.get("version").asLong());

		// the old version's URL still answers its own bytes
		assertThat(bytes(oldActivities)).isEqualTo(oldBytes);
		for (Dataset dataset : Catalog.all()) {
			JsonNode delta = file(after, dataset, "ndjson");
			assertThat(delta.get("since").asLong()).isEqualTo(before.get("version").asLong());
			Map<String, Map<String, Object>> old = typed(dataset, csv(bytes(file(before, dataset, "csv"))));
			Map<String, Map<String, Object>> now = typed(dataset, csv(bytes(file(after, dataset, "csv"))));
			List<JsonNode> lines = ndjson(bytes(delta));
			assertThat(lines).as(dataset.id() + " delta lines").hasSize(delta.get("rowCount").asInt());
			for (JsonNode line : lines) {
				String id = line.get("id").asString();
				switch (line.get("change").asString()) {
					case "deleted" -> assertThat(old.remove(id)).as(id).isNotNull();
					case "created" -> assertThat(old.put(id, asJson(line.get("record")))).as(id).isNull();
					default -> assertThat(old.put(id, asJson(line.get("record")))).as(id).isNotNull();
				}
			}
			assertThat(old).as(dataset.id() + ": previous rows + delta = new rows").isEqualTo(now);
			if (dataset == Catalog.ACTIVITIES) {
				assertThat(lines.stream().map((l) -> l.get("change").asString() + " " + l.get("id").asString()))
					.contains("created bulk-test-new-" + run, "changed " + changedId, "deleted bulk-test-gone-" + run);
				assertThat(csv(bytes(file(after, dataset, "csv"))).stream()
					.filter((row) -> row[0].equals("bulk-test-new-" + run))
					.findFirst()
					.orElseThrow()).contains("'" + FORMULA);
				assertThat(now.get("bulk-test-new-" + run)).containsEntry("name", FORMULA);
			}
		}
		assertThat(this.client.get()
			.uri("/api/v1/activities/bulk-test-new-" + run + "?format=csv")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("\"'" + FORMULA.replace("\"", "\"\"") + "\"");
		assertThat(this.client.get()
			.uri("/api/v1/activities/bulk-test-new-" + run)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("\"name\":\"" + FORMULA.replace("\"", "\\\"") + "\"");
		JsonNode listed = this.json
			.readTree(this.client.get()
				.uri("/api/v1/datasets/activities")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody())
			.at("/item/downloads/0");
		assertThat(listed.get("version").asLong()).isEqualTo(after.get("version").asLong());
	}

	@Test
	void filesAnswerRangesValidatorsAndClearErrors() {
		JsonNode manifest = awaitFilesOf(ReadModels.latestVersion());
		JsonNode file = file(manifest, Catalog.ACTIVITIES, "csv");
		String path = file.get("path").asString();
		byte[] whole = bytes(file);
		EntityExchangeResult<byte[]> full = big().get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/gzip")
			.expectHeader()
			.contentLength(whole.length)
			.expectHeader()
			.valueEquals(HttpHeaders.ACCEPT_RANGES, "bytes")
			.expectHeader()
			.valueMatches(HttpHeaders.CACHE_CONTROL, ".*immutable.*")
			.expectHeader()
			.valueMatches(HttpHeaders.LINK, ".*creativecommons.org/licenses/by/4.0/>; rel=\"license\".*")
			.expectHeader()
			.exists(HttpHeaders.LAST_MODIFIED)
			.expectBody()
			.returnResult();
		String etag = full.getResponseHeaders().getETag();
		assertThat(etag).doesNotStartWith("W/");
		assertThat(sha256(full.getResponseBody())).isEqualTo(file.get("sha256").asString());

		byte[] part = this.client.get()
			.uri(path)
			.header(HttpHeaders.RANGE, "bytes=10-19")
			.exchange()
			.expectStatus()
			.isEqualTo(206)
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 10-19/" + whole.length)
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(part).isEqualTo(Arrays.copyOfRange(whole, 10, 20));
		this.client.get().uri(path).header(HttpHeaders.IF_NONE_MATCH, etag).exchange().expectStatus().isNotModified();
		problem(this.client.get()
			.uri(path)
			.header(HttpHeaders.RANGE, "bytes=" + whole.length + "-")
			.exchange()
			.expectStatus()
			.isEqualTo(416)
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_RANGE, "bytes */" + whole.length)
			.expectBody()
			.returnResult(), "range");

		this.client.get()
			.uri("/downloads/latest/activities.csv.gz")
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION,
					BulkStore.DOWNLOADS + "/" + manifest.get("version").asLong() + "/activities.csv.gz");
		long pruned = versionNotOnDisk(manifest.get("version").asLong());
		JsonNode gone = problem(this.client.get()
			.uri("/downloads/" + pruned + "/activities.csv.gz")
			.exchange()
			.expectStatus()
			.isEqualTo(410)
			.expectBody()
			.returnResult(), "no longer kept");
		assertThat(gone.get("latest").asString()).isEqualTo("/downloads/latest/activities.csv.gz");
		problem(this.client.get()
			.uri("/downloads/" + manifest.get("version").asLong() + "/castles.csv.gz")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.returnResult(), "castles.csv.gz");
		problem(this.client.get()
			.uri("/downloads/999999/activities.csv.gz")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.returnResult(), "999999");
		problem(this.client.get()
			.uri("/downloads/latest/..%2Fmanifest.json")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.returnResult(), "");

		String licence = new String(this.client.get()
			.uri("/downloads/latest/LICENCE.txt")
			.exchange()
			.expectStatus()
			.isFound()
			.expectBody()
			.returnResult()
			.getResponseHeaders()
			.getLocation()
			.toString()
			.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		String text = this.client.get()
			.uri(licence)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(text).contains("https://creativecommons.org/licenses/by/4.0/").contains("CC-BY-4.0");
		assertThat(manifest.at("/licence/id").asString()).isEqualTo("CC-BY-4.0");
	}

	@Autowired
	BulkGenerator generator;

	@Autowired
	BulkStore store;

	@Test
	void filesOfAnOlderLayoutAreWrittenAgainWithTheSameBytesForTheFilesBothHave() throws IOException {
		JsonNode manifest = awaitFilesOf(ReadModels.latestVersion());
		long version = manifest.get("version").asLong();
		byte[] csvBefore = bytes(file(manifest, Catalog.ACTIVITIES, "csv"));
		byte[] geoJsonBefore = bytes(file(manifest, Catalog.ACTIVITIES, "geojson"));
		// what an older build left: no GeoPackages, layout 0
		Path folder = this.store.folder(version);
		Map<String, Object> old = this.json.readValue(folder.resolve(Manifest.FILE).toFile(), Map.class);
		old.remove("layout");
		old.put("files",
				((List<Map<String, Object>>) old.get("files")).stream()
					.filter((f) -> !"gpkg".equals(f.get("format")))
					.toList());
		try (var files = Files.list(folder)) {
			for (Path gpkg : files.filter((p) -> p.toString().endsWith(".gpkg")).toList()) {
				Files.delete(gpkg);
			}
		}
		this.json.writeValue(folder.resolve(Manifest.FILE).toFile(), old);
		this.store.refresh();
		assertThat(this.store.manifest(version).orElseThrow().isCurrentLayout()).isFalse();

		this.generator.request();
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			this.store.refresh();
			return this.store.manifest(version).map(Manifest::isCurrentLayout).orElse(false);
		});
		JsonNode again = this.json.readTree(this.client.get()
			.uri("/downloads/" + version + "/manifest.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(file(again, Catalog.ACTIVITIES, "gpkg").get("byteSize").asLong()).isPositive();
		assertThat(bytes(file(again, Catalog.ACTIVITIES, "csv"))).as("same CSV bytes").isEqualTo(csvBefore);
		assertThat(bytes(file(again, Catalog.ACTIVITIES, "geojson"))).as("same GeoJSON bytes").isEqualTo(geoJsonBefore);
	}

	@Test
	void aFolderWithoutItsManifestOrUnderATemporaryNameIsNeverServed() throws IOException {
		awaitFilesOf(ReadModels.latestVersion());
		Path root = this.properties.directory();
		Path half = Files.createDirectories(root.resolve("v999998"));
		Files.writeString(half.resolve("activities.csv.gz"), "half");
		Path temporary = Files.createDirectories(root.resolve(".tmp-v999997-x"));
		Files.writeString(temporary.resolve(Manifest.FILE), "{}");
		this.client.get().uri("/downloads/999998/activities.csv.gz").exchange().expectStatus().isNotFound();
		this.client.get().uri("/downloads/.tmp-v999997-x/manifest.json").exchange().expectStatus().isNotFound();
		BulkStore.delete(half);
		BulkStore.delete(temporary);
	}

	@Test
	void foldersOfVersionsThisDatabaseDidNotCommitAreSetAsideNotServed() throws IOException {
		JsonNode manifest = awaitFilesOf(ReadModels.latestVersion());
		long version = manifest.get("version").asLong();
		Path root = this.properties.directory();
		// what another database's portal wrote into the same directory: a newer version,
		// and an older one (of this
		// database's versions, one no longer on disk) with another commit time
		long olderVersion = this.store.manifests().get(0).version() - 1;
		assertThat(olderVersion).isPositive();
		Path newer = root.resolve("v" + (version + 5));
		Path older = root.resolve("v" + olderVersion);
		byte[] csv = bytes(file(manifest, Catalog.ACTIVITIES, "csv"));
		for (Path foreign : List.of(newer, older)) {
			Files.createDirectories(foreign);
			Files.write(foreign.resolve("activities.csv.gz"), csv);
			Map<String, Object> copy = this.json.readValue(this.store.folder(version).resolve(Manifest.FILE).toFile(),
					Map.class);
			copy.put("version", Long.parseLong(foreign.getFileName().toString().substring(1)));
			copy.put("asOf", "2001-01-01T00:00:00Z");
			this.json.writeValue(foreign.resolve(Manifest.FILE).toFile(), copy);
		}
		this.store.refresh();
		assertThat(this.store.latest().orElseThrow().version()).as("before the check").isEqualTo(version + 5);

		this.generator.generate().block(Duration.ofSeconds(60));
		assertThat(this.store.latest().orElseThrow().version()).isEqualTo(version);
		assertThat(this.store.manifest(olderVersion)).isEmpty();
		assertThat(newer).doesNotExist();
		assertThat(older).doesNotExist();
		this.client.get()
			.uri("/downloads/" + (version + 5) + "/activities.csv.gz")
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.get()
			.uri("/downloads/latest/activities.csv.gz")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.value("Location", (location) -> assertThat(location).contains("/downloads/" + version + "/"));
	}

	// ---- helpers

	/**
	 * Decimals as doubles, as a GeoPackage (SQLite REAL) stores them: 1244.00 and 1244.0
	 * are the same value.
	 */
	private static Map<String, Object> decimalsAsDoubles(Dataset dataset, Map<String, Object> record) {
		for (Field field : dataset.fields()) {
			if (field.type() == org.kotaku.portal.catalog.FieldType.DECIMAL && record.get(field.name()) != null) {
				record.put(field.name(), ((BigDecimal) record.get(field.name())).doubleValue());
			}
		}
		return record;
	}

	/**
	 * A record as JSON reads it back (numbers as JSON parsing types them), so that both
	 * sides compare alike.
	 */
	@SuppressWarnings("unchecked")
	private Map<String, Object> asJson(Object record) {
		return this.json.readValue(this.json.writeValueAsString(record), Map.class);
	}

	/** The client, able to hold a whole export in memory. */
	private WebTestClient big() {
		return this.client.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(256 * 1024 * 1024))
			.build();
	}

	/**
	 * A version below {@code latest} that has no files on disk (pruned, or never written
	 * as versions came faster than the files): the tiny demo commits more versions than
	 * the {@code keep} that stay on disk.
	 */
	private long versionNotOnDisk(long latest) {
		JsonNode index = this.json.readTree(this.client.get()
			.uri("/downloads")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		Set<Long> kept = new HashSet<>();
		index.get("versions").forEach((v) -> kept.add(v.get("version").asLong()));
		assertThat(latest).as("more versions than are kept").isGreaterThan(this.properties.keep());
		for (long v = 1; v < latest; v++) {
			if (!kept.contains(v)) {
				return v;
			}
		}
		throw new AssertionError("every version up to " + latest + " is on disk: " + kept);
	}

	/**
	 * Waits until the files of {@code version} (or a newer one) are served; answers their
	 * manifest.
	 */
	private JsonNode awaitFilesOf(long version) {
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
			JsonNode index = this.json.readTree(this.client.get()
				.uri("/downloads")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody());
			return index.get("versions").size() > 0 && index.at("/versions/0/version").asLong() >= version;
		});
		String latest = this.client.get()
			.uri("/downloads/latest/manifest.json")
			.exchange()
			.expectStatus()
			.isFound()
			.expectBody()
			.returnResult()
			.getResponseHeaders()
			.getLocation()
			.toString();
		return this.json.readTree(this.client.get()
			.uri(latest)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

	private static JsonNode file(JsonNode manifest, Dataset dataset, String format) {
		for (JsonNode file : manifest.get("files")) {
			if (file.get("dataset").asString().equals(dataset.id()) && file.get("format").asString().equals(format)) {
				return file;
			}
		}
		throw new AssertionError("no " + format + " file of " + dataset.id() + " in " + manifest);
	}

	/**
	 * The file's bytes from its versioned URL, checked against the manifest's size and
	 * SHA-256.
	 */
	private byte[] bytes(JsonNode file) {
		String path = BulkStore.DOWNLOADS + "/" + file.get("version").asLong() + "/" + file.get("file").asString();
		byte[] body = big().get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(body).as(path).hasSize(file.get("byteSize").asInt());
		assertThat(sha256(body)).as(path).isEqualTo(file.get("sha256").asString());
		return body;
	}

	private static byte[] gunzip(byte[] bytes) {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** CSV rows (the header first) of a gzip file, or of plain CSV text. */
	private static List<String[]> csv(byte[] bytes) {
		byte[] text = bytes.length > 1 && bytes[0] == (byte) 0x1f && bytes[1] == (byte) 0x8b ? gunzip(bytes) : bytes;
		List<String[]> rows = new ArrayList<>();
		try (MappingIterator<String[]> it = CSV.readerFor(String[].class)
			.readValues(new InputStreamReader(new ByteArrayInputStream(text), StandardCharsets.UTF_8))) {
			it.forEachRemaining(rows::add);
		}
		return rows;
	}

	private List<JsonNode> ndjson(byte[] gzip) {
		String text = new String(gunzip(gzip), StandardCharsets.UTF_8);
		return text.lines().map(this.json::readTree).toList();
	}

	private static List<String> ids(List<String[]> rows) {
		return rows.stream().map((r) -> r[0]).toList();
	}

	private static Map<String, List<String>> byId(List<String[]> rows) {
		Map<String, List<String>> map = new TreeMap<>();
		rows.forEach((r) -> map.put(r[0], List.of(r)));
		return map;
	}

	/** Rows as the records JSON publishes, by id (what a delta's lines carry). */
	private Map<String, Map<String, Object>> typed(Dataset dataset, List<String[]> rows) {
		Map<String, Map<String, Object>> map = new TreeMap<>();
		for (String[] row : rows.subList(1, rows.size())) {
			Map<String, Object> record = new LinkedHashMap<>();
			for (int i = 0; i < dataset.fields().size(); i++) {
				Field field = dataset.fields().get(i);
				record.put(field.name(), field.type().fromCsv(row[i]));
			}
			map.put(row[0], asJson(decimalsAsDoubles(dataset, record)));
		}
		return map;
	}

	private void checkGeoJson(Dataset dataset, JsonNode file, List<String[]> csvRecords) {
		JsonNode collection = this.json.readTree(gunzip(bytes(file)));
		assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
		assertThat(collection.at("/licence/id").asString()).isEqualTo("CC-BY-4.0");
		JsonNode features = collection.get("features");
		assertThat(features.size()).as(dataset.id() + " features").isEqualTo(csvRecords.size());
		Set<String> ids = new HashSet<>();
		int checkedInPostgis = 0;
		for (int i = 0; i < features.size(); i++) {
			JsonNode feature = features.get(i);
			assertThat(feature.get("id").asString()).isEqualTo(csvRecords.get(i)[0]);
			ids.add(feature.get("id").asString());
			JsonNode geometry = feature.get("geometry");
			if (!geometry.isNull() && checkedInPostgis++ < 20) {
				assertThat(count("select count(*) where ST_IsValid(ST_GeomFromGeoJSON('"
						+ geometry.toString().replace("'", "''") + "'))"))
					.as(dataset.id() + " geometry " + feature.get("id"))
					.isEqualTo(1);
			}
		}
		assertThat(ids).hasSize(features.size());
		assertThat(checkedInPostgis).as(dataset.id() + " has located features").isPositive();
	}

	/**
	 * Types, required fields, enums, header and the uniqueness of the primary key, as a
	 * Table Schema validator would.
	 */
	private static void checkTableSchema(String name, JsonNode schema, List<String[]> rows) {
		List<JsonNode> fields = schema.get("fields").valueStream().toList();
		assertThat(rows.get(0)).as(name + " header")
			.containsExactlyElementsOf(fields.stream().map((f) -> f.get("name").asString()).toList());
		Set<String> keys = new HashSet<>();
		for (String[] row : rows.subList(1, rows.size())) {
			assertThat(row).as(name + " cells").hasSize(fields.size());
			assertThat(keys.add(row[0])).as(name + " primary key " + row[0]).isTrue();
			for (int i = 0; i < fields.size(); i++) {
				checkCell(name, fields.get(i), row[i]);
			}
		}
	}

	private static void checkCell(String dataset, JsonNode field, String cell) {
		String what = dataset + "." + field.get("name").asString() + " = '" + cell + "'";
		JsonNode constraints = field.path("constraints");
		if (cell.isEmpty()) {
			assertThat(constraints.path("required").asBoolean(false)).as(what + " is required").isFalse();
			return;
		}
		switch (field.get("type").asString()) {
			case "integer" -> Long.parseLong(cell);
			case "number" -> new BigDecimal(cell);
			case "date" -> LocalDate.parse(cell);
			case "boolean" -> assertThat(cell).as(what).isIn("true", "false");
			default -> assertThat(field.get("type").asString()).as(what).isEqualTo("string");
		}
		if (constraints.has("enum")) {
			assertThat(constraints.get("enum").valueStream().map(JsonNode::asString)).as(what).contains(cell);
		}
	}

	private JsonNode problem(EntityExchangeResult<byte[]> result, String detailContains) {
		assertThat(result.getResponseHeaders().getContentType().toString()).isEqualTo("application/problem+json");
		JsonNode body = this.json.readTree(result.getResponseBody());
		assertThat(body.get("detail").asString()).contains(detailContains);
		return body;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long count(String sql) {
		try (var c = TestDatabase.shared().connect(); var s = c.createStatement(); var rows = s.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
