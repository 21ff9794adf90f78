package org.kotaku.portal;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PORTAL_LOG_FORMAT, as application.yaml resolves it, picks Spring Boot's structured
 * console format: json is Elastic Common Schema (the default), logstash Logstash's, text
 * none (the plain pattern); an unknown value is refused instead of silently logging
 * something else.
 */
class LogFormatTests {

	private static final String FORMAT = "logging.structured.format.console";

	@ParameterizedTest
	@CsvSource({ "json, ecs", "logstash, logstash", "text, ''" })
	void eachValueNamesABootFormat(String value, String format) throws IOException {
		assertThat(environment(value).getProperty(FORMAT)).isEqualTo(format);
	}

	@Test
	void jsonIsTheDefault() throws IOException {
		assertThat(environment(null).getProperty(FORMAT)).isEqualTo("ecs");
	}

	@Test
	void anUnknownValueIsRefused() {
		assertThatThrownBy(() -> environment("xml").getProperty(FORMAT)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("portal.logging.formats.xml");
	}

	private static StandardEnvironment environment(String portalLogFormat) throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		// independent of the machine's own PORTAL_LOG_FORMAT
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
			.forEach(environment.getPropertySources()::addLast);
		if (portalLogFormat != null) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("env", Map.of("PORTAL_LOG_FORMAT", portalLogFormat)));
		}
		return environment;
	}

}
