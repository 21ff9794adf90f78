package org.kotaku.portal.listing;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.catalog.Dataset;
import org.springframework.stereotype.Component;

/**
 * Records of any {@link Dataset} as published values (no geometry), for the answers and
 * pages that show or embed them: one record by id, and the records a record's answer
 * embeds (the children of a parent, in a fixed order).
 */
@Component
public class Records {

	private final ListingRepository repository;

	Records(ListingRepository repository) {
		this.repository = repository;
	}

	/**
	 * One record by id: what a record's page shows; 404 when there is none.
	 */
	public Mono<Map<String, Object>> record(Dataset dataset, String id) {
		return this.repository.findOne(dataset, new Where().and(dataset.idSql() + " = :id", "id", id), null)
			.switchIfEmpty(Mono.error(() -> unknown(dataset, id)))
			.map(Row::values);
	}

	/**
	 * The records of {@code dataset} whose field {@code field} equals {@code value}, in
	 * the order {@code orderBy} (SQL fixed by code over the dataset's aliases): the
	 * children a record's answer embeds.
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

	/** The 404 of a record that does not exist. */
	static PortalException unknown(Dataset dataset, String id) {
		return PortalException.notFound("There is no " + dataset.recordName() + " '" + id + "'.");
	}

}
