package org.kotaku.portal.listing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.dataversion.DataVersion;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Writes the answers of {@link Listings}: one keyset page (the rows, the count asked for,
 * the {@code next} link), a whole result streamed in buffers of rows with its exact count
 * (a CSV as an attachment, with a warning past what a spreadsheet opens), and one item.
 */
@Component
class ListingAnswers {

	/**
	 * Rows a spreadsheet opens at most (Excel and LibreOffice), the header row included.
	 */
	public static final long SPREADSHEET_ROWS = 1_048_576;

	/** Number of rows of a {@code limit=all} answer. */
	public static final String ROW_COUNT_HEADER = "X-Row-Count";

	/** Present on a CSV answer with more rows than a spreadsheet can open. */
	public static final String SPREADSHEET_WARNING_HEADER = "X-Spreadsheet-Warning";

	private static final int ROWS_PER_BUFFER = 256;

	private final ListingRepository repository;

	private final RowWriters writers;

	ListingAnswers(ListingRepository repository, RowWriters writers) {
		this.repository = repository;
		this.writers = writers;
	}

	Mono<ServerResponse> item(ServerRequest request, Dataset dataset, Format format, DataVersion version, Row row,
			Map<String, Object> extra) {
		Envelope envelope = new Envelope(version, dataset.fieldNames(), self(request), null, null, null, false);
		String body = this.writers.writer(format).item(envelope, row, extra);
		return ServerResponse.ok()
			.contentType(RowWriters.mediaType(format))
			.header(HttpHeaders.LINK, "<" + Envelope.DATA_DICTIONARY + ">; rel=\"describedby\"")
			.body(Flux.just(buffer(body)), DataBuffer.class);
	}

	/**
	 * A page of the rows matching {@code where}, with a {@code next} link while more
	 * follow.
	 */
	Mono<ServerResponse> page(ServerRequest request, Dataset dataset, ListQuery query, Where where,
			DataVersion version) {
		long snapshot = query.cursor() != null ? query.cursor().snapshot() : version.version();
		Mono<List<Row>> rows = this.repository
			.find(dataset, where, query.sort(), query.cursor(), snapshot, query.limit() + 1, precision(query))
			.collectList();
		return Mono.zip(rows, count(dataset, where, query, snapshot))
			.flatMap((t) -> writePage(request, dataset, query, version, snapshot, t.getT1(), t.getT2()));
	}

	private Mono<ServerResponse> writePage(ServerRequest request, Dataset dataset, ListQuery query, DataVersion version,
			long snapshot, List<Row> fetched, Optional<Long> count) {
		boolean more = fetched.size() > query.limit();
		List<Row> rows = more ? fetched.subList(0, query.limit()) : fetched;
		String next = more ? next(request, query, rows.get(rows.size() - 1), snapshot) : null;
		Envelope envelope = new Envelope(version, dataset.fieldNames(), self(request), next, count.orElse(null),
				query.count(), query.bom());
		RowWriter writer = this.writers.writer(query.format());
		StringBuilder body = new StringBuilder(writer.head(envelope));
		for (int i = 0; i < rows.size(); i++) {
			body.append(writer.row(rows.get(i), i == 0));
		}
		body.append(writer.tail(envelope));
		ServerResponse.BodyBuilder response = ServerResponse.ok().contentType(RowWriters.mediaType(query.format()));
		response.header(HttpHeaders.LINK, linkHeader(next));
		count.ifPresent((n) -> response.header(ROW_COUNT_HEADER, Long.toString(n)));
		return response.body(Flux.just(buffer(body.toString())), DataBuffer.class);
	}

	/** All rows matching {@code where}, streamed, with their exact count. */
	Mono<ServerResponse> export(ServerRequest request, Dataset dataset, ListQuery query, Where where,
			DataVersion version) {
		return this.repository.countExact(dataset, where, version.version())
			.flatMap((total) -> writeExport(request, dataset, query, where, version, total));
	}

	private Mono<ServerResponse> writeExport(ServerRequest request, Dataset dataset, ListQuery query, Where where,
			DataVersion version, long total) {
		Envelope envelope = new Envelope(version, dataset.fieldNames(), self(request), null, total,
				ListQuery.Count.EXACT, query.bom());
		RowWriter writer = this.writers.writer(query.format());
		Flux<String> rows = this.repository
			.find(dataset, where, query.sort(), null, version.version(), null, precision(query))
			.index()
			.map((indexed) -> writer.row(indexed.getT2(), indexed.getT1() == 0));
		Flux<DataBuffer> body = Flux
			.concat(Mono.fromSupplier(() -> writer.head(envelope)), rows,
					Mono.fromSupplier(() -> writer.tail(envelope)))
			.buffer(ROWS_PER_BUFFER)
			.map((chunk) -> buffer(String.join("", chunk)));
		ServerResponse.BodyBuilder response = ServerResponse.ok()
			.contentType(RowWriters.mediaType(query.format()))
			.header(ROW_COUNT_HEADER, Long.toString(total))
			.header(HttpHeaders.LINK, linkHeader(null));
		if (query.format() == Format.CSV) {
			String file = request.path().substring(request.path().lastIndexOf('/') + 1);
			response.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + ".csv\"");
			spreadsheetWarning(total).ifPresent((warning) -> response.header(SPREADSHEET_WARNING_HEADER, warning));
		}
		return response.body(body, DataBuffer.class);
	}

	/**
	 * The warning a CSV of {@code rows} rows (plus its header) carries when a spreadsheet
	 * cannot open it whole.
	 */
	static Optional<String> spreadsheetWarning(long rows) {
		if (rows + 1 <= SPREADSHEET_ROWS) {
			return Optional.empty();
		}
		return Optional.of(rows + " rows and a header exceed the " + SPREADSHEET_ROWS
				+ " rows a spreadsheet can open; filter the export (region, year) or use a database tool.");
	}

	private Mono<Optional<Long>> count(Dataset dataset, Where where, ListQuery query, long snapshot) {
		return switch (query.count()) {
			case EXACT -> this.repository.countExact(dataset, where, snapshot).map(Optional::of);
			case ESTIMATE -> this.repository.countEstimate(dataset, where).map(Optional::of);
			case NONE -> Mono.just(Optional.empty());
		};
	}

	private static Integer precision(ListQuery query) {
		return query.geometry() && query.format() == Format.GEOJSON ? query.precision() : null;
	}

	private static String next(ServerRequest request, ListQuery query, Row last, long snapshot) {
		String value = last.sortValue() instanceof java.math.BigDecimal d ? d.toPlainString()
				: String.valueOf(last.sortValue());
		String cursor = new Cursor(query.sort(), value, last.id(), snapshot).encode();
		return UriComponentsBuilder.newInstance()
			.path(request.uri().getRawPath())
			.query(request.uri().getRawQuery())
			.replaceQueryParam("cursor", cursor)
			.build(true)
			.toUriString();
	}

	private static String self(ServerRequest request) {
		String query = request.uri().getRawQuery();
		return request.uri().getRawPath() + (query == null ? "" : "?" + query);
	}

	private static String linkHeader(String next) {
		String describedBy = "<" + Envelope.DATA_DICTIONARY + ">; rel=\"describedby\"";
		return next == null ? describedBy
				: List.of("<" + next + ">; rel=\"next\"", describedBy).stream().collect(Collectors.joining(", "));
	}

	private static DataBuffer buffer(String text) {
		return DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8));
	}

}
