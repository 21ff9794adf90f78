package org.kotaku.portal.web;

import java.net.URI;

import org.webjars.WebJarVersionLocator;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * Swagger UI at {@code /swagger-ui.html}, reading the written contract
 * {@code /openapi/portal.yaml}. springdoc's UI only works while springdoc also generates
 * a document from the code (a competing spec), so the portal serves the same Swagger UI
 * files (the webjar springdoc brings) with an initializer of its own, and springdoc stays
 * off.
 */
@Configuration(proxyBeanMethods = false)
class SwaggerUi {

	static final String ENTRY = "/swagger-ui.html";

	private static final String INITIALIZER = """
			window.onload = function () {
			  window.ui = SwaggerUIBundle({
			    url: "%s",
			    dom_id: "#swagger-ui",
			    deepLinking: true,
			    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
			    layout: "StandaloneLayout"
			  });
			};
			""".formatted(ContractDocuments.OPENAPI_PATH);

	private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

	@Bean
	RouterFunction<ServerResponse> swaggerUiRoutes() {
		String version = new WebJarVersionLocator().version("swagger-ui");
		ClassPathResource files = new ClassPathResource("META-INF/resources/webjars/swagger-ui/" + version + "/");
		return route().GET(ENTRY, this::redirectToIndex)
			.GET("/swagger-ui/swagger-initializer.js", this::getInitializer)
			.build()
			.and(RouterFunctions.resources("/swagger-ui/**", files));
	}

	Mono<ServerResponse> redirectToIndex(ServerRequest request) {
		return ServerResponse.temporaryRedirect(URI.create("/swagger-ui/index.html")).build();
	}

	Mono<ServerResponse> getInitializer(ServerRequest request) {
		return ServerResponse.ok().contentType(JAVASCRIPT).bodyValue(INITIALIZER);
	}

}
