package org.kotaku.portal.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points an application context at the JVM's shared {@link TestDatabase}. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestDatabase database = TestDatabase.shared();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test-database", Map.of("spring.r2dbc.url", database.r2dbcUrl(),
					"spring.r2dbc.username", TestDatabase.USER, "spring.r2dbc.password", TestDatabase.PASSWORD,
					"spring.flyway.url", database.jdbcUrl(), "spring.flyway.user", TestDatabase.USER,
					"spring.flyway.password", TestDatabase.PASSWORD, "portal.demo.load-on-empty", "false",
					// a 2-core machine under a full build answers a cold first request slower than the 5 s default
					"spring.test.webtestclient.timeout", "30s")));
	}

}
