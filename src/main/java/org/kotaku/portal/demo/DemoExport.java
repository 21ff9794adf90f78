package org.kotaku.portal.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.ingest.dataset.Dataset;

/**
 * Writes one dataset of the synthetic fixture as NDJSON (one JSON object a line, the rows
 * exactly as {@link DemoDataset#rows(Dataset)} gives them), the body the ingestion
 * endpoint accepts. The benchmark uses it to push the national activities over HTTP. It
 * runs without the Spring context and streams row by row, so a million rows never sit in
 * memory:
 *
 * <pre>
 * java -Dloader.main=org.kotaku.portal.demo.DemoExport -cp target/kotaku-portal.jar \
 *     org.springframework.boot.loader.launch.PropertiesLauncher activities national /tmp/activities.ndjson [seed]
 * </pre>
 */
public final class DemoExport {

	/**
	 * The default of {@code portal.demo.seed}, so that the export matches what the app
	 * loads by default.
	 */
	static final long DEFAULT_SEED = 20161;

	private static final ObjectWriter JSON = JsonMapper.builder().build().writer();

	private DemoExport() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 3 || args.length > 4) {
			System.err.println("usage: DemoExport <dataset> <tiny|demo|national> <output.ndjson> [seed]");
			System.exit(2);
		}
		Dataset dataset = Dataset.fromPublicName(args[0])
			.orElseThrow(() -> new IllegalArgumentException("unknown dataset " + args[0]));
		DemoScale scale = DemoScale.valueOf(args[1].toUpperCase(Locale.ROOT));
		long seed = (args.length == 4) ? Long.parseLong(args[3]) : DEFAULT_SEED;
		try (Writer out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
			long rows = write(new DemoDataset(scale, seed), dataset, out);
			System.out.println(rows);
		}
	}

	/**
	 * Writes every row of the dataset to {@code out}, one JSON object a line; answers the
	 * number of rows.
	 */
	static long write(DemoDataset data, Dataset dataset, Writer out) throws IOException {
		BufferedWriter lines = (out instanceof BufferedWriter buffered) ? buffered : new BufferedWriter(out);
		long count = 0;
		// a command-line tool: walking the generator's Flux synchronously is the point
		// here
		for (Map<String, Object> row : data.rows(dataset).toIterable()) {
			lines.write(JSON.writeValueAsString(row));
			lines.write('\n');
			count++;
		}
		lines.flush();
		return count;
	}

}
