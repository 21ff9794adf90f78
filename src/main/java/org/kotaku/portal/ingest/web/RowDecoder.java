package org.kotaku.portal.ingest.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.api.ProblemType;
import org.kotaku.portal.ingest.CsvRows;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * Turns an upload into a stream of rows, one row decoded at a time as the bytes arrive (backpressure all the
 * way to the socket): a JSON array or NDJSON through Jackson's streaming tokenizer, CSV through Jackson's CSV
 * parser on a bounded-elastic thread. Decimal numbers stay exact ({@code BigDecimal}).
 */
@Component
class RowDecoder {

	static final MediaType NDJSON = MediaType.APPLICATION_NDJSON;

	static final MediaType CSV = new MediaType("text", "csv");

	static final List<MediaType> SUPPORTED = List.of(MediaType.APPLICATION_JSON, NDJSON, CSV);

	private static final ResolvableType ROW = ResolvableType.forClassWithGenerics(Map.class, String.class, Object.class);

	/** Bytes the CSV reader may request ahead of the parser. */
	private static final int CSV_PREFETCH = 16;

	private final JacksonJsonDecoder json;

	private final int maxRowBytes;

	RowDecoder(IngestProperties properties) {
		this.maxRowBytes = (int) Math.min(Integer.MAX_VALUE, properties.maxRowSize().toBytes());
		JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
		this.json = new JacksonJsonDecoder(mapper, MediaType.APPLICATION_JSON, NDJSON);
		this.json.setMaxInMemorySize(this.maxRowBytes);
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
		Flux<?> rows = CSV.equalsTypeAndSubtype(format)
				? CsvRows.flux(() -> DataBufferUtils.subscriberInputStream(upload.bytes(), CSV_PREFETCH))
				: this.json.decode(upload.bytes(), ROW, format, Map.of());
		return ((Flux<Map<String, Object>>) rows).onErrorMap(this::malformed);
	}

	private Throwable malformed(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof PortalException portal) {
				return portal; // the size limit, raised while the CSV reader pulled bytes
			}
		}
		if (ex instanceof DataBufferLimitException) {
			return new PortalException(ProblemType.PAYLOAD_TOO_LARGE, "One row is larger than the limit of "
					+ this.maxRowBytes + " bytes (portal.ingest.max-row-size).");
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
