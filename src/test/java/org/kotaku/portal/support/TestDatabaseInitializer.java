package org.kotaku.portal.support;

import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

import static org.springframework.test.context.support.TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;

/**
 * Points an application context at the JVM's shared {@link TestDatabase} (or, with the
 * test property {@code test.database=own}, at one of its own), with the per-address rate
 * limit off.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final String TEST_PROPERTIES = INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;

	private static final String COMMAND_LINE = CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		// test.database=own (a test property): a database of the context's own, for tests
		// whose writes would
		// disturb the others (the fuzz tests commit whatever the parsers accept)
		boolean own = "own".equals(context.getEnvironment().getProperty("test.database"));
		TestDatabase database = own ? TestDatabase.create() : TestDatabase.shared();
		MutablePropertySources sources = context.getEnvironment().getPropertySources();
		sources.addFirst(new MapPropertySource("test-database",
				Map.of("spring.r2dbc.url", database.r2dbcUrl(), "spring.r2dbc.username", TestDatabase.USER,
						"spring.r2dbc.password", TestDatabase.PASSWORD, "spring.flyway.url", database.jdbcUrl(),
						"spring.flyway.user", TestDatabase.USER, "spring.flyway.password", TestDatabase.PASSWORD,
						"portal.demo.load-on-empty", "false",
						// a 2-core machine under a full build answers a cold first
						// request slower than the 5 s default
						"spring.test.webtestclient.timeout", "30s")));
		// a suite sends everything from one address, faster than any client should: tests
		// of the limit itself turn
		// it back on with a test property, which must therefore take precedence over this
		// default
		// each context writes its bulk files (and keeps its snapshot) in a folder of its
		// own: versions of different test databases and runs
		// share numbers, and a folder once complete is never written again
		MapPropertySource defaults = new MapPropertySource("test-defaults",
				Map.of("portal.rate-limit.enabled", "false", "portal.bulk.directory",
						"target/bulk-tests/" + UUID.randomUUID(), "portal.read-model.snapshot-directory",
						"target/read-model-tests/" + UUID.randomUUID()));
		if (sources.contains(TEST_PROPERTIES)) {
			sources.addAfter(TEST_PROPERTIES, defaults);
		}
		else if (sources.contains(COMMAND_LINE)) {
			// a node a test starts itself: its own arguments name its folders
			sources.addAfter(COMMAND_LINE, defaults);
		}
		else {
			sources.addFirst(defaults);
		}
	}

}
