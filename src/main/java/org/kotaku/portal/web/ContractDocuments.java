package org.kotaku.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * Serves the API contract as written: {@code openapi/portal.yaml} (the single source of
 * truth, spec-first; Swagger UI reads it), the same document as JSON at
 * {@code /v3/api-docs}, and the data dictionary. All are read once at start-up, so
 * serving them never touches the disk.
 */
@Configuration(proxyBeanMethods = false)
class ContractDocuments {

	static final String OPENAPI_PATH = "/openapi/portal.yaml";

	static final String DATA_DICTIONARY_PATH = "/docs/data-dictionary.md";

	private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	private static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

	private final byte[] openapiYaml;

	private final byte[] openapiJson;

	private final byte[] dataDictionary;

	ContractDocuments(JsonMapper json) {
		this.openapiYaml = read("openapi/portal.yaml");
		Map<String, Object> document = new Yaml(new LoaderOptions())
			.load(new String(this.openapiYaml, StandardCharsets.UTF_8));
		this.openapiJson = json.writeValueAsBytes(document);
		this.dataDictionary = read("docs/data-dictionary.md");
	}

	@Bean
	RouterFunction<ServerResponse> contractRoutes() {
		return route().GET(OPENAPI_PATH, this::getOpenApiYaml)
			.GET("/v3/api-docs", this::getOpenApiJson)
			.GET(DATA_DICTIONARY_PATH, this::getDataDictionary)
			.build();
	}

	Mono<ServerResponse> getOpenApiYaml(ServerRequest request) {
		return ServerResponse.ok().contentType(YAML).bodyValue(this.openapiYaml);
	}

	Mono<ServerResponse> getOpenApiJson(ServerRequest request) {
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(this.openapiJson);
	}

	Mono<ServerResponse> getDataDictionary(ServerRequest request) {
		return ServerResponse.ok().contentType(MARKDOWN).bodyValue(this.dataDictionary);
	}

	private static byte[] read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("missing " + resource + " on the classpath", ex);
		}
	}

}
