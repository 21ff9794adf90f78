package org.kotaku.portal.web;

import org.kotaku.portal.summary.SummaryHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Composes every feature's routes; features own their handlers, this class only wires them. */
@Configuration(proxyBeanMethods = false)
class PortalRouter {

	@Bean
	RouterFunction<ServerResponse> portalRoutes(SummaryHandler summary) {
		return summary.routes();
	}

}
