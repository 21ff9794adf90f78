package org.kotaku.portal.api;

import org.junit.jupiter.api.Test;

import org.kotaku.portal.PortalApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside the dev profile the database password has no default: a start without one stops
 * at once, saying so.
 */
class DatabaseCredentialsTests {

	@Test
	void aStartWithoutAPasswordStopsBeforeConnectingAndSaysWhy() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(PortalApplication.class).run("--server.port=0",
				"--spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:1/none",
				"--spring.flyway.url=jdbc:postgresql://127.0.0.1:1/none", "--spring.r2dbc.password=",
				"--spring.main.banner-mode=off"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage(DatabaseCredentials.MISSING);
	}

}
