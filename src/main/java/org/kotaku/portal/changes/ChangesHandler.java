package org.kotaku.portal.changes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.kotaku.portal.api.Params;
import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.bulk.Downloads;
import org.kotaku.portal.dataversion.DataVersion;
import org.kotaku.portal.dataversion.DataVersions;
import org.kotaku.portal.ingest.batch.BatchLog;
import org.kotaku.portal.ingest.batch.BatchReport;
import org.kotaku.portal.licence.Licence;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The public change log. {@code GET /api/v1/changes}: committed batches newest first
 * (when, which dataset, which source, rows inserted / updated / deleted, the resulting
 * data version), paged with {@code before}; with {@code since=<version>}, the records
 * created, changed and deleted after that version, paged with an {@code after} cursor, so
 * a mirror can follow exactly. {@code GET /api/v1/changes.atom}: the newest batches as an
 * Atom feed.
 */
@Configuration(proxyBeanMethods = false)
class ChangesHandler {

	static final MediaType ATOM = MediaType.APPLICATION_ATOM_XML;

	private static final int BATCH_PAGE = 50, BATCH_PAGE_MAX = 200, RECORD_PAGE = 1_000, RECORD_PAGE_MAX = 10_000;

	private final BatchLog batches;

	private final ChangeLog changes;

	private final DataVersions versions;

	private final Licence licence;

	ChangesHandler(BatchLog batches, ChangeLog changes, DataVersions versions, Licence licence) {
		this.batches = batches;
		this.changes = changes;
		this.versions = versions;
		this.licence = licence;
	}

	@Bean
	RouterFunction<ServerResponse> changesRoutes() {
		return route().GET("/api/v1/changes", this::getChanges).GET("/api/v1/changes.atom", this::getFeed).build();
	}

	Mono<ServerResponse> getChanges(ServerRequest request) {
		Params params = Params.of(request, Set.of("since", "after", "before", "limit"));
		Optional<Long> since = params.integer("since", 0, Long.MAX_VALUE);
		if (since.isPresent()) {
			return getRecordChanges(request, params, since.get());
		}
		if (params.has("after")) {
			throw PortalException.invalidParameter("after", "after pages the record changes; it needs since.");
		}
		int limit = limit(params, BATCH_PAGE, BATCH_PAGE_MAX);
		long before = params.integer("before", 0, Long.MAX_VALUE).orElse(Long.MAX_VALUE);
		return Mono.zip(this.versions.of(request), this.batches.newest(before, limit).collectList()).flatMap((t) -> {
			Map<String, Object> body = envelope(t.getT1());
			body.put("items", t.getT2());
			body.put("links", batchLinks(t.getT2(), limit));
			return json(body);
		});
	}

	private Mono<ServerResponse> getRecordChanges(ServerRequest request, Params params, long since) {
		if (params.has("before")) {
			throw PortalException.invalidParameter("before", "before pages the batch list; with since, page by after.");
		}
		int limit = limit(params, RECORD_PAGE, RECORD_PAGE_MAX);
		RecordCursor after = params.text("after", 2000).map(RecordCursor::parse).orElse(RecordCursor.START);
		return Mono.zip(this.versions.of(request), this.changes.recordsSince(since, after, limit).collectList())
			.flatMap((t) -> {
				Map<String, Object> body = envelope(t.getT1());
				body.put("since", since);
				body.put("records", t.getT2());
				body.put("links", recordLinks(since, t.getT2(), limit));
				return json(body);
			});
	}

	private static int limit(Params params, int defaultLimit, int max) {
		return params.integer("limit", 1, max).orElse((long) defaultLimit).intValue();
	}

	Mono<ServerResponse> getFeed(ServerRequest request) {
		Params.none(request);
		String base = request.uri().resolve("/").toString();
		return this.batches.newest(Long.MAX_VALUE, BATCH_PAGE)
			.collectList()
			.map((items) -> AtomFeed.render(base, items, this.licence))
			.flatMap((xml) -> ServerResponse.ok().contentType(ATOM).bodyValue(xml));
	}

	/**
	 * The data version read for this request and its commit time ({0, null} before the
	 * first batch).
	 */
	private Map<String, Object> envelope(DataVersion version) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("dataVersion", version.version());
		body.put("asOf", version.asOf());
		body.put("licence", this.licence.member());
		return body;
	}

	private static Map<String, Object> batchLinks(List<BatchReport> items, int limit) {
		Map<String, Object> links = new LinkedHashMap<>();
		links.put("atom", "/api/v1/changes.atom");
		bulkLinks(links);
		if (items.size() == limit) {
			links.put("next",
					"/api/v1/changes?limit=" + limit + "&before=" + items.get(items.size() - 1).dataVersion());
		}
		return links;
	}

	/**
	 * Where a mirror finds whole files and the delta files with full records (the change
	 * log names ids only).
	 */
	private static void bulkLinks(Map<String, Object> links) {
		links.put("bulk", Downloads.INDEX);
		links.put("deltas", Downloads.latestManifest());
	}

	private static Map<String, Object> recordLinks(long since, List<RecordChange> records, int limit) {
		Map<String, Object> links = new LinkedHashMap<>();
		bulkLinks(links);
		if (records.size() == limit) {
			links.put("next", "/api/v1/changes?since=" + since + "&limit=" + limit + "&after="
					+ RecordCursor.after(records.get(records.size() - 1)).token());
		}
		return links;
	}

	private static Mono<ServerResponse> json(Map<String, Object> body) {
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
	}

}
