package org.kotaku.portal.contract;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The running app and openapi/portal.yaml (the contract, spec-first) agree. Driven by the
 * YAML alone, so routes added later are checked without touching this test:
 * <ul>
 * <li>every documented path and method is a route of the app, and every route of the app
 * (every {@link RouterFunction} bean, walked with its visitor) is documented, except the
 * {@link #UNDOCUMENTED} ones;</li>
 * <li>every documented GET answers its representative requests with a documented status
 * and content type, and JSON answers validate against the documented schema (JSON Schema
 * 2020-12, as in OpenAPI 3.1). The representative requests are the path with its
 * parameters' {@code example} (or {@code x-contract-source}: a JSON pointer into another
 * answer) and required query parameters, answered 200 (401 when the operation has a
 * security requirement, since the probe sends no credentials), plus the operation's
 * {@code x-contract-requests} ({@code {path?, query?, status?}}).</li>
 * </ul>
 */
@IntegrationTest
@WithTinyDemo
class OpenApiContractIntegrationTests {

	/**
	 * Routes that are deliberately not in the contract: Swagger UI's own files and the
	 * map site's pages. Actuator endpoints ({@code /actuator/**}) are not router
	 * functions and never show up here.
	 */
	static final List<String> UNDOCUMENTED = List.of("GET /swagger-ui.html", "GET /swagger-ui/**", "GET /",
			"GET /index.html", "GET /assets/**", "GET /embed/**", "GET /favicon.ico", "GET /robots.txt");

	static final Path CONTRACT = Path.of("openapi", "portal.yaml");

	static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

	static JsonNode contract;

	static final ObjectMapper JSON = new ObjectMapper();

	static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@BeforeAll
	static void readContract() throws IOException {
		contract = new YAMLMapper().readTree(CONTRACT.toFile());
	}

	@Test
	void everyDocumentedOperationIsARouteOfTheApp() {
		Set<String> routes = appRoutes();
		List<String> unserved = documentedOperations().stream()
			.filter((operation) -> routes.stream().noneMatch((route) -> serves(route, operation)))
			.toList();
		assertThat(unserved).as("documented operations that no route of the app serves").isEmpty();
	}

	@Test
	void everyRouteOfTheAppIsDocumented() {
		Set<String> documented = documentedOperations();
		List<String> missing = appRoutes().stream()
			.filter((route) -> !isUndocumentedOnPurpose(route))
			.filter((route) -> documented.stream().noneMatch((operation) -> serves(route, operation)))
			.toList();
		assertThat(missing).as("routes missing from " + CONTRACT + " (document them, or list them in UNDOCUMENTED)")
			.isEmpty();
	}

	@TestFactory
	Stream<DynamicTest> everyOperationAnswersPerItsSchemas() {
		awaitBulkFiles(this.client);
		List<DynamicTest> tests = new ArrayList<>();
		contract.get("paths").properties().forEach((path) -> {
			JsonNode get = path.getValue().get("get");
			if (get != null) {
				probes(path.getKey(), get)
					.forEach((probe) -> tests.add(DynamicTest.dynamicTest(probe.toString(), () -> check(get, probe))));
			}
		});
		assertThat(tests).hasSizeGreaterThan(10);
		return tests.stream();
	}

	@Test
	void theServedContractIsTheWrittenFile() throws IOException {
		String written = Files.readString(CONTRACT);
		this.client.get()
			.uri("/openapi/portal.yaml")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo(written);
	}

	@Test
	void theValidatorRejectsAnAnswerThatBreaksTheSchema() throws IOException {
		JsonNode schema = schema(JSON.readTree("{\"$ref\": \"#/components/schemas/ActivityList\"}"));
		JsonNode wrong = JSON
			.readTree("{\"dataset\": \"demo-synthetic\", \"dataVersion\": \"seven\", \"items\": [{\"id\": 1}]}");
		assertThat(validate(schema, wrong)).hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	void theDataDictionaryNamesEveryPublishedField() throws IOException {
		String dictionary = Files.readString(Path.of("docs", "data-dictionary.md"));
		for (String record : List.of("Activity", "SlumArea")) {
			contract.at("/components/schemas/" + record + "/properties")
				.fieldNames()
				.forEachRemaining(
						(field) -> assertThat(dictionary).as(record + "." + field).contains("`" + field + "`"));
		}
	}

	/** A request to make and the status it must answer with. */
	record Probe(String path, String query, int status) {

		URI uri() {
			return URI.create(this.query.isEmpty() ? this.path : this.path + "?" + this.query);
		}

		@Override
		public String toString() {
			return "GET " + uri() + " -> " + this.status;
		}

	}

	private List<Probe> probes(String template, JsonNode operation) {
		String path = template;
		List<String> query = new ArrayList<>();
		for (JsonNode parameter : parameters(operation)) {
			String in = parameter.path("in").asText();
			if (in.equals("path")) {
				path = path.replace("{" + parameter.get("name").asText() + "}", pathValue(this.client, parameter));
			}
			else if (in.equals("query") && parameter.path("required").asBoolean()) {
				query.add(parameter.get("name").asText() + "=" + example(parameter));
			}
		}
		List<Probe> probes = new ArrayList<>();
		// an operation whose answer is not a 200 (a redirect) says so in
		// x-contract-status
		probes.add(new Probe(path, String.join("&", query),
				requiresCredentials(operation) ? 401 : operation.path("x-contract-status").asInt(200)));
		for (JsonNode extra : operation.path("x-contract-requests")) {
			probes.add(new Probe(extra.path("path").asText(path), extra.path("query").asText(""),
					extra.path("status").asInt(200)));
		}
		return probes;
	}

	/**
	 * The bulk files of the loaded demo are written off the request path, shortly after
	 * it is served.
	 */
	static void awaitBulkFiles(WebTestClient client) {
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(90))
			.pollInterval(java.time.Duration.ofMillis(250))
			.until(() -> new String(
					client.get().uri("/downloads").exchange().expectBody().returnResult().getResponseBody(),
					java.nio.charset.StandardCharsets.UTF_8)
				.contains("\"version\""));
	}

	/**
	 * An operation with a security requirement (its own, or the document's) refuses a
	 * request without credentials.
	 */
	static boolean requiresCredentials(JsonNode operation) {
		JsonNode security = operation.has("security") ? operation.get("security") : contract.path("security");
		return security.isArray() && !security.isEmpty();
	}

	private void check(JsonNode operation, Probe probe) throws IOException {
		EntityExchangeResult<byte[]> result = this.client.get()
			.uri(probe.uri().toString())
			.exchange()
			.expectBody()
			.returnResult();
		int status = result.getStatus().value();
		byte[] body = result.getResponseBody();
		String text = body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
		assertThat(status).as(probe + " answered " + text).isEqualTo(probe.status());
		JsonNode response = resolve(operation.path("responses").get(Integer.toString(status)));
		assertThat(response).as("status " + status + " of " + probe + " is documented").isNotNull();
		if (status / 100 == 3) {
			return;
		}
		MediaType type = result.getResponseHeaders().getContentType();
		String documentedType = documentedType(response, type, probe);
		JsonNode schema = response.get("content").get(documentedType).get("schema");
		if (isJson(type)) {
			List<String> errors = validate(schema(schema), JSON.readTree(text));
			assertThat(errors).as(probe + " answers per the schema of " + documentedType + ": " + text).isEmpty();
		}
		else {
			assertThat(text).as(probe + " has a body").isNotEmpty();
		}
	}

	private static String documentedType(JsonNode response, MediaType actual, Probe probe) {
		assertThat(actual).as(probe + " has a content type").isNotNull();
		Iterator<String> types = response.path("content").fieldNames();
		List<String> documented = new ArrayList<>();
		types.forEachRemaining(documented::add);
		return documented.stream()
			.filter((t) -> MediaType.parseMediaType(t).equalsTypeAndSubtype(actual))
			.findFirst()
			.orElseGet(() -> fail(probe + " answered " + actual + ", documented: " + documented));
	}

	private static boolean isJson(MediaType type) {
		return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
	}

	/**
	 * The schema as a document that carries the contract's components, so its
	 * {@code $ref}s resolve.
	 */
	private static JsonNode schema(JsonNode schema) {
		ObjectNode document = schema.deepCopy();
		document.set("components", contract.get("components"));
		return document;
	}

	private static List<String> validate(JsonNode schema, JsonNode answer) {
		Set<ValidationMessage> messages = SCHEMAS.getSchema(schema).validate(answer);
		return messages.stream().map(ValidationMessage::getMessage).toList();
	}

	static String pathValue(WebTestClient client, JsonNode parameter) {
		JsonNode source = parameter.get("x-contract-source");
		if (source == null) {
			return example(parameter);
		}
		byte[] answer = client.get()
			.uri(source.get("path").asText())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		try {
			return JSON.readTree(answer).at(source.get("pointer").asText()).asText();
		}
		catch (IOException ex) {
			throw new IllegalStateException("x-contract-source " + source + " is not JSON", ex);
		}
	}

	static String example(JsonNode parameter) {
		JsonNode example = parameter.get("example");
		assertThat(example).as("parameter " + parameter.get("name") + " needs an example").isNotNull();
		return example.asText();
	}

	static List<JsonNode> parameters(JsonNode operation) {
		List<JsonNode> parameters = new ArrayList<>();
		operation.path("parameters").forEach((p) -> parameters.add(resolve(p)));
		return parameters;
	}

	private static JsonNode resolve(JsonNode node) {
		if (node == null || !node.has("$ref")) {
			return node;
		}
		return resolve(contract.at(node.get("$ref").asText().substring(1)));
	}

	private static Set<String> documentedOperations() {
		Set<String> operations = new TreeSet<>();
		contract.get("paths").properties().forEach((path) -> path.getValue().fieldNames().forEachRemaining((method) -> {
			if (METHODS.contains(method)) {
				operations.add(method.toUpperCase() + " " + path.getKey());
			}
		}));
		return operations;
	}

	@SuppressWarnings("unchecked")
	private Set<String> appRoutes() {
		Map<String, RouterFunction> beans = this.context.getBeansOfType(RouterFunction.class);
		List<RouterFunction<?>> functions = new ArrayList<>();
		beans.values().forEach((f) -> functions.add((RouterFunction<?>) f));
		Set<String> routes = RouteCollector.routesOf(functions);
		assertThat(routes).as("routes found by the visitor").contains("GET /api/v1/activities");
		return routes;
	}

	private static boolean isUndocumentedOnPurpose(String route) {
		return UNDOCUMENTED.stream()
			.anyMatch((p) -> p.endsWith("/**") ? route.startsWith(p.substring(0, p.length() - 2)) : route.equals(p));
	}

	/**
	 * Whether an app route ({@code METHOD pattern}, Spring path pattern syntax) serves a
	 * documented operation ({@code METHOD /path/{param}}): the documented path, with a
	 * sample value in each parameter, matches the route's pattern. A HEAD route serves
	 * what its GET is documented for (HEAD is implied by GET in HTTP).
	 */
	static boolean serves(String route, String operation) {
		String[] r = route.split(" ", 2);
		String[] o = operation.split(" ", 2);
		String method = r[0].equals("HEAD") ? "GET" : r[0];
		String sample = o[1].replaceAll("\\{[^}]+}", "x1");
		return method.equals(o[0])
				&& PathPatternParser.defaultInstance.parse(r[1]).matches(PathContainer.parsePath(sample));
	}

}
