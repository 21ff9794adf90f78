package org.kotaku.portal.listing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.dataversion.DataVersion;
import org.kotaku.portal.dataversion.DataVersions;
import org.kotaku.portal.api.Params;
import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.catalog.Field;
import org.kotaku.portal.licence.Licence;
import org.kotaku.portal.regioncode.RegionCode;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Answers listing requests for any {@link Dataset}: one keyset page (with a {@code next}
 * link while more rows follow) or, with {@code limit=all}, the whole result streamed row
 * by row; and single rows by id. JSON, CSV and GeoJSON are written from the same rows, so
 * their field names and values are the same.
 */
@Component
public class Listings {

	/**
	 * Rows a spreadsheet opens at most (Excel and LibreOffice), the header row included.
	 */
	public static final long SPREADSHEET_ROWS = 1_048_576;

	/** Number of rows of a {@code limit=all} answer. */
	public static final String ROW_COUNT_HEADER = "X-Row-Count";

	/** Present on a CSV answer with more rows than a spreadsheet can open. */
	public static final String SPREADSHEET_WARNING_HEADER = "X-Spreadsheet-Warning";

	private static final int ROWS_PER_BUFFER = 256;

	private static final MediaType CSV_UTF8 = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final ListingRepository repository;

	private final DataVersions versions;

	private final JsonMapper json;

	private final Licence licence;

	Listings(ListingRepository repository, DataVersions versions, JsonMapper json, Licence licence) {
		this.repository = repository;
		this.versions = versions;
		this.json = json;
		this.licence = licence;
	}

	/**
	 * Turns a listing's own parameters (and its region, already checked to exist) into
	 * its SQL filter.
	 */
	@FunctionalInterface
	public interface Filters {

		Where from(Params params, Optional<RegionCode> region);

	}

	/**
	 * Answers a search of {@code dataset}: the shared parameters, the listing's own
	 * {@code parameters} (turned into conditions by {@code filters}) and the
	 * {@code region} check (400 malformed, 404 unknown).
	 */
	public Mono<ServerResponse> search(ServerRequest request, Dataset dataset, Set<String> parameters,
			Filters filters) {
		Params params = ListQuery.params(request, parameters);
		ListQuery query = ListQuery.parse(request, params, dataset);
		return region(params).flatMap((region) -> list(request, dataset, query, filters.from(params, region)));
	}

	/**
	 * Answers a search of a dataset that has no filters of its own: those of its
	 * queryable fields, and {@code region} where its records carry a village or regency
	 * code ({@link FieldFilters}).
	 */
	public Mono<ServerResponse> search(ServerRequest request, Dataset dataset) {
		return search(request, dataset, FieldFilters.parameters(dataset),
				(params, region) -> FieldFilters.from(dataset, params, region));
	}

	/**
	 * A page of the rows matching {@code where}, or all of them for {@code limit=all}.
	 */
	public Mono<ServerResponse> list(ServerRequest request, Dataset dataset, ListQuery query, Where where) {
		return this.versions.of(request)
			.flatMap((version) -> query.streamsAll() ? export(request, dataset, query, where, version)
					: page(request, dataset, query, where, version));
	}

	/**
	 * The {@code region} parameter as a Kemendagri code (dotted or digits): 400 when
	 * malformed, 404 when no such region exists; empty when the parameter is absent.
	 */
	private Mono<Optional<RegionCode>> region(Params params) {
		Optional<RegionCode> code = params.region("region");
		if (code.isEmpty()) {
			return Mono.just(code);
		}
		return this.repository.regionExists(code.get().dotted())
			.filter(Boolean::booleanValue)
			.map((exists) -> code)
			.switchIfEmpty(
					Mono.error(() -> PortalException.notFound("There is no region '" + code.get().dotted() + "'.")));
	}

	/**
	 * One row by id, with optional {@code extra} JSON members; 404 when there is no such
	 * row.
	 */
	public Mono<ServerResponse> one(ServerRequest request, Dataset dataset, String id, ItemQuery query,
			Mono<Map<String, Object>> extra) {
		return one(request, dataset, id, new Where().and(dataset.idSql() + " = :id", "id", id), query, extra);
	}

	/**
	 * One record by id as published values (no geometry): what a record's page shows; 404
	 * when there is none.
	 */
	public Mono<Map<String, Object>> record(Dataset dataset, String id) {
		return this.repository.findOne(dataset, new Where().and(dataset.idSql() + " = :id", "id", id), null)
			.switchIfEmpty(Mono.error(() -> unknown(dataset, id)))
			.map(Row::values);
	}

	private static PortalException unknown(Dataset dataset, String id) {
		return PortalException.notFound("There is no " + dataset.recordName() + " '" + id + "'.");
	}

	private Mono<ServerResponse> one(ServerRequest request, Dataset dataset, String id, Where match, ItemQuery query,
			Mono<Map<String, Object>> extra) {
		Integer precision = query.geometry() && query.format() == Format.GEOJSON ? query.precision() : null;
		Mono<Row> row = this.repository.findOne(dataset, match, precision)
			.switchIfEmpty(Mono.error(() -> unknown(dataset, id)));
		return Mono.zip(this.versions.of(request), row, extra.defaultIfEmpty(Map.of()))
			.flatMap((t) -> writeItem(request, dataset, query.format(), t.getT1(), t.getT2(), t.getT3()));
	}

	/**
	 * The JSON members a record's answer adds beside its item, by record id; none for
	 * most datasets.
	 */
	public static final Function<String, Mono<Map<String, Object>>> NOTHING_BESIDE = (id) -> Mono.empty();

	/**
	 * The routes of a dataset without filters of its own: {@code GET} its list path
	 * ({@link #search(ServerRequest, Dataset)}) and {@code GET} its list path followed by
	 * the path variables {@code idParts} (one record,
	 * {@link #one(ServerRequest, Dataset, List, Function)}, with {@code beside} its
	 * answer's extra members).
	 */
	public RouterFunction<ServerResponse> routes(Dataset dataset, List<String> idParts,
			Function<String, Mono<Map<String, Object>>> beside) {
		String item = dataset.apiPath()
				+ idParts.stream().map((part) -> "/{" + part + "}").collect(Collectors.joining());
		return RouterFunctions.route()
			.GET(dataset.apiPath(), (request) -> search(request, dataset))
			.GET(item, (request) -> one(request, dataset, idParts, beside))
			.build();
	}

	/**
	 * One row by id, taken from the path variables {@code parts} (joined with {@code /}:
	 * a composite id such as {@code allocationId/tranche} is its own path), with only the
	 * item parameters; {@code extra} gives the JSON members added beside the item (asked
	 * for JSON answers only).
	 */
	public Mono<ServerResponse> one(ServerRequest request, Dataset dataset, List<String> parts,
			Function<String, Mono<Map<String, Object>>> extra) {
		ItemQuery query = ItemQuery.parse(request, ItemQuery.params(request, Set.of()), dataset);
		String id = parts.stream().map(request::pathVariable).collect(Collectors.joining("/"));
		Mono<Map<String, Object>> beside = query.format() == Format.JSON ? extra.apply(id) : Mono.empty();
		if (parts.size() == 1) {
			return one(request, dataset, id, query, beside);
		}
		// each part compared with its own column, so that the composite primary key finds
		// the row
		Where match = new Where();
		for (int i = 0; i < parts.size(); i++) {
			Field field = dataset.field(parts.get(i)).orElseThrow();
			try {
				match.and(field.sql() + " = :part" + i, "part" + i, field.parse(request.pathVariable(parts.get(i))));
			}
			catch (NumberFormatException ex) {
				return Mono.error(unknown(dataset, id));
			}
		}
		return one(request, dataset, id, match, query, beside);
	}

	/**
	 * The records of {@code dataset} whose field {@code field} equals {@code value}, in
	 * the order {@code orderBy} (SQL fixed by code over the dataset's aliases), as
	 * published values: the children a record's answer embeds.
	 */
	public Mono<List<Map<String, Object>>> records(Dataset dataset, String field, Object value, String orderBy) {
		return records(dataset, new Where().and(dataset.field(field).orElseThrow().sql() + " = :value", "value", value),
				orderBy);
	}

	/**
	 * The records of {@code dataset} matching {@code where} (any version) in the order
	 * {@code orderBy}.
	 */
	public Mono<List<Map<String, Object>>> records(Dataset dataset, Where where, String orderBy) {
		return this.repository.findAll(dataset, where, orderBy).map(Row::values).collectList();
	}

	/**
	 * The first {@code limit} of those records: what a page lists of a region's
	 * activities.
	 */
	public Mono<List<Map<String, Object>>> records(Dataset dataset, Where where, String orderBy, int limit) {
		return this.repository.findAll(dataset, where, orderBy + " limit " + Math.max(limit, 0))
			.map(Row::values)
			.collectList();
	}

	private Mono<ServerResponse> writeItem(ServerRequest request, Dataset dataset, Format format, DataVersion version,
			Row row, Map<String, Object> extra) {
		Envelope envelope = new Envelope(version, dataset.fieldNames(), self(request), null, null, null, false);
		String body = writer(format).item(envelope, row, extra);
		return ServerResponse.ok()
			.contentType(mediaType(format))
			.header(HttpHeaders.LINK, "<" + Envelope.DATA_DICTIONARY + ">; rel=\"describedby\"")
			.body(Flux.just(buffer(body)), DataBuffer.class);
	}

	private Mono<ServerResponse> page(ServerRequest request, Dataset dataset, ListQuery query, Where where,
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
		RowWriter writer = writer(query.format());
		StringBuilder body = new StringBuilder(writer.head(envelope));
		for (int i = 0; i < rows.size(); i++) {
			body.append(writer.row(rows.get(i), i == 0));
		}
		body.append(writer.tail(envelope));
		ServerResponse.BodyBuilder response = ServerResponse.ok().contentType(mediaType(query.format()));
		response.header(HttpHeaders.LINK, linkHeader(next));
		count.ifPresent((n) -> response.header(ROW_COUNT_HEADER, Long.toString(n)));
		return response.body(Flux.just(buffer(body.toString())), DataBuffer.class);
	}

	private Mono<ServerResponse> export(ServerRequest request, Dataset dataset, ListQuery query, Where where,
			DataVersion version) {
		return this.repository.countExact(dataset, where, version.version())
			.flatMap((total) -> writeExport(request, dataset, query, where, version, total));
	}

	private Mono<ServerResponse> writeExport(ServerRequest request, Dataset dataset, ListQuery query, Where where,
			DataVersion version, long total) {
		Envelope envelope = new Envelope(version, dataset.fieldNames(), self(request), null, total,
				ListQuery.Count.EXACT, query.bom());
		RowWriter writer = writer(query.format());
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
			.contentType(mediaType(query.format()))
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
	 * Coordinate decimals of the geometries in a whole-dataset file: 7 is about a
	 * centimetre.
	 */
	public static final int WHOLE_DATASET_PRECISION = 7;

	/**
	 * The whole of {@code dataset} at {@code version} (rows created at or before it; the
	 * caller's transaction keeps later changes out), rows in the code-point order of
	 * their ids, each with its geometry as GeoJSON and WKB.
	 */
	public Flux<FileRow> wholeForFiles(Dataset dataset, DataVersion version) {
		return this.repository.findAllForFiles(dataset, version.version(), WHOLE_DATASET_PRECISION);
	}

	/**
	 * The planner's estimate of the number of rows of {@code dataset} (table statistics,
	 * no scan).
	 */
	public Mono<Long> estimatedRows(Dataset dataset) {
		return this.repository.countEstimate(dataset, new Where());
	}

	/**
	 * How a whole dataset reads as one document of {@code format} (CSV, or GeoJSON with
	 * the envelope and licence as foreign members, {@code self} its own address): the
	 * text before the rows, of each row, and after them.
	 */
	public WholeText wholeText(Dataset dataset, Format format, DataVersion version, String self) {
		Envelope envelope = new Envelope(version, dataset.fieldNames(), self, null, null, null, false);
		RowWriter writer = writer(format);
		return new WholeText(writer.head(envelope), (row, first) -> writer.row(row, first), writer.tail(envelope));
	}

	/**
	 * The text of a whole-dataset document: {@code head}, then each row, then
	 * {@code tail}.
	 */
	public record WholeText(String head, java.util.function.BiFunction<Row, Boolean, String> row, String tail) {
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

	private RowWriter writer(Format format) {
		return switch (format) {
			case JSON -> new JsonRowWriter(this.json, this.licence.member());
			case GEOJSON -> new GeoJsonRowWriter(this.json, this.licence.member());
			case CSV -> new CsvRowWriter();
		};
	}

	private static MediaType mediaType(Format format) {
		return format == Format.CSV ? CSV_UTF8 : format.mediaType();
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
