package org.kotaku.portal.api;

import java.time.Duration;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The longest a statement of the public connection pool may run
 * ({@code portal.database.statement-timeout}, PostgreSQL's {@code statement_timeout} on
 * every connection of the pool): a request that would keep the database busy longer is
 * cancelled and answered 503 with Retry-After ({@link Problems}), so one expensive query
 * cannot take the database from everyone. Streamed exports are fetched in chunks and each
 * chunk is a statement of its own, so they are not cut; whole-version reads (snapshots,
 * bulk files) lift the limit in their transaction ({@link #LIFTED}); ingestion has a pool
 * of its own without it.
 */
@Configuration(proxyBeanMethods = false)
public class PublicQueryTimeout {

	/**
	 * Lifts the limit for the rest of the transaction it runs in: for the reads of a
	 * whole data version.
	 */
	public static final String LIFTED = "set local statement_timeout = 0";

	/** SQLSTATE of a statement cancelled by statement_timeout (or by an operator). */
	static final String QUERY_CANCELED = "57014";

	@Bean
	ConnectionFactoryOptionsBuilderCustomizer publicStatementTimeout(Settings settings) {
		return (options) -> options.option(PostgresqlConnectionFactoryProvider.STATEMENT_TIMEOUT,
				settings.statementTimeout());
	}

	/**
	 * @param statementTimeout the longest a public statement may run; 0 means no limit
	 */
	@ConfigurationProperties("portal.database")
	public record Settings(@DefaultValue("30s") Duration statementTimeout) {
	}

}
