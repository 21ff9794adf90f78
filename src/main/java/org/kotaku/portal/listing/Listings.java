package org.kotaku.portal.listing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.kotaku.portal.dataversion.DataVersions;
import org.kotaku.portal.api.Params;
import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.catalog.Field;
import org.kotaku.portal.regioncode.RegionCode;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Answers listing requests for any {@link Dataset}: one keyset page (with a {@code next}
 * link while more rows follow) or, with {@code limit=all}, the whole result streamed row
 * by row; and single rows by id. JSON, CSV and GeoJSON are written from the same rows by
 * the same {@link RowWriters}, so their field names and values are the same. Records as
 * values for pages are {@link Records}, whole datasets for files {@link WholeDatasets}.
 */
@Component
public class Listings {

	private final ListingRepository repository;

	private final DataVersions versions;

	private final ListingAnswers answers;

	Listings(ListingRepository repository, DataVersions versions, ListingAnswers answers) {
		this.repository = repository;
		this.versions = versions;
		this.answers = answers;
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
			.flatMap((version) -> query.streamsAll() ? this.answers.export(request, dataset, query, where, version)
					: this.answers.page(request, dataset, query, where, version));
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

	private Mono<ServerResponse> one(ServerRequest request, Dataset dataset, String id, Where match, ItemQuery query,
			Mono<Map<String, Object>> extra) {
		Integer precision = query.geometry() && query.format() == Format.GEOJSON ? query.precision() : null;
		Mono<Row> row = this.repository.findOne(dataset, match, precision)
			.switchIfEmpty(Mono.error(() -> Records.unknown(dataset, id)));
		return Mono.zip(this.versions.of(request), row, extra.defaultIfEmpty(Map.of()))
			.flatMap((t) -> this.answers.item(request, dataset, query.format(), t.getT1(), t.getT2(), t.getT3()));
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
				return Mono.error(Records.unknown(dataset, id));
			}
		}
		return one(request, dataset, id, match, query, beside);
	}

}
