package org.kotaku.portal.ingest.keys;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.kotaku.portal.ingest.dataset.Dataset;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The admin commands for API keys, run once from the command line (see README):
 * {@code --portal.admin.create-key=<source> --portal.admin.datasets=activities,regions}
 * prints a new key once; {@code --portal.admin.revoke-key=<id>} revokes one. Keys are
 * printed to standard output, never logged.
 */
@Component
class KeyCommands implements ApplicationRunner {

	static final String CREATE = "portal.admin.create-key";

	static final String DATASETS = "portal.admin.datasets";

	static final String REVOKE = "portal.admin.revoke-key";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final ApiKeys keys;

	KeyCommands(ApiKeys keys) {
		this.keys = keys;
	}

	@Override
	public void run(ApplicationArguments args) {
		// a command-line run on the main thread, not a request: blocking until the
		// database answers is right here
		if (args.containsOption(CREATE)) {
			ApiKeys.CreatedKey created = this.keys.create(source(args), datasets(args)).block(TIMEOUT);
			System.out.println("created API key id " + created.id() + " for source " + created.source()
					+ " (shown once, store it now):");
			System.out.println(created.key());
		}
		if (args.containsOption(REVOKE)) {
			long id = Long.parseLong(single(args, REVOKE));
			boolean revoked = Boolean.TRUE.equals(this.keys.revoke(id).block(TIMEOUT));
			System.out.println(revoked ? "revoked API key id " + id : "no live API key with id " + id);
		}
	}

	private static String source(ApplicationArguments args) {
		String source = single(args, CREATE);
		if (!source.matches("[a-z0-9][a-z0-9._-]{0,99}")) {
			throw new IllegalArgumentException("the source name must be lower-case letters, digits, '.', '_' or '-' "
					+ "(at most 100), e.g. sim-kotaku");
		}
		return source;
	}

	private static List<Dataset> datasets(ApplicationArguments args) {
		String value = args.containsOption(DATASETS) ? single(args, DATASETS) : "";
		List<Dataset> datasets = Arrays.stream(value.split(","))
			.map(String::strip)
			.filter((s) -> !s.isEmpty())
			.map((s) -> Dataset.fromPublicName(s)
				.orElseThrow(() -> new IllegalArgumentException("unknown dataset " + s + "; use one of "
						+ Arrays.stream(Dataset.values()).map(Dataset::publicName).toList())))
			.toList();
		if (datasets.isEmpty()) {
			throw new IllegalArgumentException("--" + DATASETS + "=<dataset,...> is required");
		}
		return datasets;
	}

	private static String single(ApplicationArguments args, String option) {
		List<String> values = args.getOptionValues(option);
		if (values == null || values.size() != 1 || values.get(0).isBlank()) {
			throw new IllegalArgumentException("--" + option + " needs one value");
		}
		return values.get(0).strip();
	}

}
