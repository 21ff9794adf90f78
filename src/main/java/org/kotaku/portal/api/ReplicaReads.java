package org.kotaku.portal.api;

import java.time.Duration;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Public reads from a PostgreSQL streaming replica ({@code portal.replica.url}): the
 * auto-configured public pool (snapshot builds, searches, listings, OGC items, tiles,
 * bulk files, checks, the change feed) connects to the replica named there instead of
 * {@code spring.r2dbc.url}, which stays the primary for everything that writes or must
 * see the newest commit ({@link PrimaryDatabase}). Unset, the node runs on one database
 * as before.
 */
@Configuration(proxyBeanMethods = false)
public class ReplicaReads {

	@Bean
	ConnectionFactoryOptionsBuilderCustomizer publicPoolOnReplica(Settings settings) {
		return (options) -> {
			if (!settings.enabled()) {
				return;
			}
			ConnectionFactoryOptions replica = ConnectionFactoryOptions.parse(settings.url());
			copy(replica, options, ConnectionFactoryOptions.HOST);
			copy(replica, options, ConnectionFactoryOptions.PORT);
			copy(replica, options, ConnectionFactoryOptions.DATABASE);
			copy(replica, options, ConnectionFactoryOptions.SSL);
			if (settings.username() != null && !settings.username().isBlank()) {
				options.option(ConnectionFactoryOptions.USER, settings.username());
				options.option(ConnectionFactoryOptions.PASSWORD,
						settings.password() == null ? "" : settings.password());
			}
		};
	}

	/**
	 * Copies one option as the URL gave it (a URL's values may be text where the option
	 * is typed).
	 */
	@SuppressWarnings("unchecked")
	private static void copy(ConnectionFactoryOptions from, ConnectionFactoryOptions.Builder to, Option<?> option) {
		Object value = from.getValue(option);
		if (value != null) {
			to.option((Option<Object>) option, value);
		}
	}

	/**
	 * @param url the replica's R2DBC URL (host, port, database); empty: public reads on
	 * the primary
	 * @param username the replica's role; empty: the primary's
	 * ({@code spring.r2dbc.username}, and its password)
	 * @param password the replica role's password
	 * @param maxLag how long a refresh waits for the replica to replay the primary's
	 * newest data version before it counts as failed (health DEGRADED, the snapshot
	 * served stays); it is retried on the next version check
	 */
	@ConfigurationProperties("portal.replica")
	public record Settings(String url, String username, String password, @DefaultValue("30s") Duration maxLag) {

		/** Whether public reads go to a replica. */
		public boolean enabled() {
			return this.url != null && !this.url.isBlank();
		}

	}

}
