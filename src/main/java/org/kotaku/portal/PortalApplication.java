package org.kotaku.portal;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The KOTAKU open data portal: public read API, map site and open data over one PostGIS
 * database.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

	/**
	 * Options that make a run a one-off command (API keys, imports) instead of the
	 * server.
	 */
	private static final String[] COMMAND_OPTIONS = { "--portal.admin.", "--portal.import." };

	public static void main(String[] args) {
		if (isCommand(args)) {
			System.exit(runCommand(args));
		}
		SpringApplication.run(PortalApplication.class, args);
	}

	static boolean isCommand(String[] args) {
		return Arrays.stream(args).anyMatch((a) -> Arrays.stream(COMMAND_OPTIONS).anyMatch(a::startsWith));
	}

	/**
	 * Runs the portal without its web server and without the demo loader, lets the
	 * command runners do their work, and returns the process exit code (0 on success).
	 */
	public static int runCommand(String[] args) {
		SpringApplication app = new SpringApplication(PortalApplication.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		String[] all = Stream.concat(Stream.of("--portal.demo.load-on-empty=false"), Arrays.stream(args))
			.toArray(String[]::new);
		try {
			return SpringApplication.exit(app.run(all));
		}
		catch (RuntimeException ex) {
			System.err.println("command failed: " + ex.getMessage());
			return 1;
		}
	}

}
