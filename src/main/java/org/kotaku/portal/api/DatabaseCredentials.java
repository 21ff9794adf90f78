package org.kotaku.portal.api;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * No node starts with a database password nobody chose: outside the {@code dev} profile
 * ({@code application-dev.yaml}, which {@code make run} and the local scripts use)
 * {@code PORTAL_DB_PASSWORD} has no default, and a start without one stops before
 * anything connects, saying so, rather than failing later with the database's "password
 * authentication failed".
 */
@Configuration(proxyBeanMethods = false)
class DatabaseCredentials {

	static final String MISSING = "No database password: set PORTAL_DB_PASSWORD (spring.r2dbc.password and "
			+ "spring.flyway.password). Only the dev profile (SPRING_PROFILES_ACTIVE=dev, as make run sets it) has a "
			+ "default, the local role's of scripts/db-setup.sh.";

	/** Checked before any bean is made, so before Flyway and the pools try to connect. */
	@Bean
	static BeanFactoryPostProcessor databasePasswordIsSet(Environment environment) {
		return (factory) -> require(environment.getProperty("spring.r2dbc.password"));
	}

	static void require(String password) {
		if (password == null || password.isEmpty()) {
			throw new IllegalStateException(MISSING);
		}
	}

}
