package org.kotaku.portal.ingest.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.api.ProblemType;
import org.kotaku.portal.ingest.validation.CsvRows;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * Turns an upload into a stream of rows, one row decoded at a time as the bytes arrive
 * (backpressure all the way to the socket): a JSON array or NDJSON through Jackson's
 * streaming tokenizer, CSV through Jackson's CSV parser on a bounded-elastic thread.
 * Decimal numbers stay exact ({@code BigDecimal}).
 */
@Component
class RowDecoder {

	static final MediaType NDJSON = MediaType.APPLICATION_NDJSON;

	static final MediaType CSV = new MediaType("text", "csv");

	static final List<MediaType> SUPPORTED = List.of(MediaType.APPLICATION_JSON, NDJSON, CSV);

	private static final ResolvableType ROW = ResolvableType.forClassWithGenerics(Map.class, String.class,
			Object.class);

	/** Bytes the CSV reader may request ahead of the parser. */
	private static final int CSV_PREFETCH = 16;

	/** NDJSON lines parsed per block on a parallel thread. */
	private static final int NDJSON_BLOCK = 1_000;

	private final JacksonJsonDecoder json;

	private final ObjectReader rowReader;

	private final int maxRowBytes;

	RowDecoder(IngestProperties properties) {
		this.maxRowBytes = (int) Math.min(Integer.MAX_VALUE, properties.maxRowSize().toBytes());
		JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
		this.json = new JacksonJsonDecoder(mapper, MediaType.APPLICATION_JSON, NDJSON);
		this.json.setMaxInMemorySize(this.maxRowBytes);
		this.rowReader = mapper.readerFor(Map.class);
	}

	/** The supported media type of an upload, or 415. */
	static MediaType format(MediaType contentType) {
		if (contentType == null) {
			throw unsupported(null);
		}
		if (contentType.getCharset() != null && !StandardCharsets.UTF_8.equals(contentType.getCharset())) {
			throw new PortalException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
					"Uploads must be UTF-8; charset " + contentType.getCharset() + " is not supported.");
		}
		return SUPPORTED.stream()
			.filter((type) -> type.equalsTypeAndSubtype(contentType))
			.findFirst()
			.orElseThrow(() -> unsupported(contentType));
	}

	@SuppressWarnings("unchecked")
	Flux<Map<String, Object>> rows(Upload upload, MediaType format) {
		Flux<?> rows;
		if (CSV.equalsTypeAndSubtype(format)) {
			rows = CsvRows.flux(() -> DataBufferUtils.subscriberInputStream(upload.bytes(), CSV_PREFETCH));
		}
		else if (NDJSON.equalsTypeAndSubtype(format)) {
			rows = ndjson(upload);
		}
		else {
			rows = this.json.decode(upload.bytes(), ROW, format, Map.of());
		}
		return ((Flux<Map<String, Object>>) rows).onErrorMap(this::malformed);
	}

	/**
	 * NDJSON is cut into lines on the event loop (cheap) and parsed in blocks on parallel
	 * threads with Jackson's blocking parser, one pass per row: the bulk format, so the
	 * fast path.
	 */
	private Flux<Map<String, Object>> ndjson(Upload upload) {
		return Flux.defer(() -> {
			NdjsonLines lines = new NdjsonLines(this.maxRowBytes);
			return upload.bytes()
				.concatMapIterable(lines::split)
				.concatWith(Flux.defer(() -> Flux.fromIterable(lines.rest())));
		}).buffer(NDJSON_BLOCK).publishOn(Schedulers.parallel(), 2).concatMapIterable(this::parse);
	}

	private List<Map<String, Object>> parse(List<byte[]> lines) {
		List<Map<String, Object>> rows = new ArrayList<>(lines.size());
		for (byte[] line : lines) {
			rows.add(this.rowReader.readValue(line));
		}
		return rows;
	}

	private Throwable malformed(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof PortalException portal) {
				return portal; // the size limit, raised while the CSV reader pulled bytes
			}
		}
		if (ex instanceof DataBufferLimitException) {
			return new PortalException(ProblemType.PAYLOAD_TOO_LARGE,
					"One row is larger than the limit of " + this.maxRowBytes + " bytes (portal.ingest.max-row-size).");
		}
		if (ex instanceof DecodingException || ex instanceof tools.jackson.core.JacksonException) {
			return new PortalException(ProblemType.MALFORMED_BODY, "The body could not be read: " + firstLine(ex)
					+ " Rows must be JSON objects (a JSON array or one per line) or CSV with a header row.");
		}
		return ex;
	}

	private static String firstLine(Throwable ex) {
		Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
		String message = String.valueOf(cause.getMessage());
		String line = message.lines().findFirst().orElse("");
		return (line.length() > 200 ? line.substring(0, 200) : line) + ".";
	}

	private static UnsupportedMediaTypeStatusException unsupported(MediaType contentType) {
		return new UnsupportedMediaTypeStatusException(contentType, SUPPORTED);
	}

}
