package org.kotaku.portal.ingest.validation;

import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.Callable;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads RFC 4180 CSV (UTF-8, a header row naming the fields, quoted cells with line
 * breaks and doubled quotes) into rows of field name to text, one at a time. Every value
 * stays a string; {@link RowReader} converts them and treats an empty cell as absent.
 */
public final class CsvRows {

	private static final CsvMapper MAPPER = CsvMapper.builder().build();

	private static final CsvSchema HEADER = CsvSchema.emptySchema().withHeader();

	private CsvRows() {
	}

	/** An iterator over the rows of {@code in}; closing it closes the stream. */
	public static MappingIterator<Map<String, Object>> read(InputStream in) {
		return MAPPER.readerFor(Map.class).with(HEADER).readValues(in);
	}

	/**
	 * The rows of a stream opened on subscription, read on demand (backpressure) off the
	 * event loops, since reading an {@link InputStream} blocks.
	 */
	public static Flux<Map<String, Object>> flux(Callable<InputStream> open) {
		return Flux.using(() -> read(open.call()), (rows) -> Flux.fromIterable(() -> rows), MappingIterator::close)
			.subscribeOn(Schedulers.boundedElastic());
	}

}
