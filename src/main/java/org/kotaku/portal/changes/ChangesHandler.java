package org.kotaku.portal.changes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.bulk.Downloads;
import org.kotaku.portal.ingest.BatchLog;
import org.kotaku.portal.ingest.BatchReport;
import org.kotaku.portal.licence.Licence;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The public change log. {@code GET /api/v1/changes}: committed batches newest first (when, which dataset,
 * which source, rows inserted / updated / deleted, the resulting data version), paged with {@code before};
 * with {@code since=<version>}, the records created, changed and deleted after that version, paged with an
 * {@code after} cursor, so a mirror can follow exactly. {@code GET /api/v1/changes.atom}: the newest batches as
 * an Atom feed.
 */
@Configuration(proxyBeanMethods = false)
class ChangesHandler {

	static final MediaType ATOM = MediaType.APPLICATION_ATOM_XML;

	private static final int BATCH_PAGE = 50, BATCH_PAGE_MAX = 200, RECORD_PAGE = 1_000, RECORD_PAGE_MAX = 10_000;

	private final BatchLog batches;

	private final ChangeLog changes;

	private final Licence licence;

	ChangesHandler(BatchLog batches, ChangeLog changes, Licence licence) {
		this.batches = batches;
		this.changes = changes;
		this.licence = licence;
	}

	@Bean
	RouterFunction<ServerResponse> changesRoutes() {
		return route().GET("/api/v1/changes", this::getChanges).GET("/api/v1/changes.atom", this::getFeed).build();
	}

	Mono<ServerResponse> getChanges(ServerRequest request) {
		if (request.queryParam("since").isPresent()) {
			return getRecordChanges(request);
		}
		int limit = Paging.limit(request, BATCH_PAGE, BATCH_PAGE_MAX);
		long before = Paging.number(request, "before").orElse(Long.MAX_VALUE);
		return Mono.zip(freshness(), this.batches.newest(before, limit).collectList()).flatMap((t) -> {
			Map<String, Object> body = envelope(t.getT1());
			body.put("items", t.getT2());
			body.put("links", batchLinks(t.getT2(), limit));
			return json(body);
		});
	}

	Mono<ServerResponse> getRecordChanges(ServerRequest request) {
		long since = Paging.number(request, "since").orElseThrow();
		int limit = Paging.limit(request, RECORD_PAGE, RECORD_PAGE_MAX);
		RecordCursor after = request.queryParam("after").map(RecordCursor::parse).orElse(RecordCursor.START);
		return Mono.zip(freshness(), this.changes.recordsSince(since, after, limit).collectList()).flatMap((t) -> {
			Map<String, Object> body = envelope(t.getT1());
			body.put("since", since);
			body.put("records", t.getT2());
			body.put("links", recordLinks(since, t.getT2(), limit));
			return json(body);
		});
	}

	Mono<ServerResponse> getFeed(ServerRequest request) {
		String base = request.uri().resolve("/").toString();
		return this.batches.newest(Long.MAX_VALUE, BATCH_PAGE)
			.collectList()
			.map((items) -> AtomFeed.render(base, items, this.licence))
			.flatMap((xml) -> ServerResponse.ok().contentType(ATOM).bodyValue(xml));
	}

	/** The newest data version and its commit time ({0, null} before the first batch). */
	private Mono<Freshness> freshness() {
		return this.batches.latest()
			.map((b) -> new Freshness(b.report().dataVersion(), b.report().committedAt()))
			.defaultIfEmpty(new Freshness(0, null));
	}

	private Map<String, Object> envelope(Freshness freshness) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("dataVersion", freshness.dataVersion());
		body.put("asOf", freshness.asOf());
		body.put("licence", this.licence.member());
		return body;
	}

	private static Map<String, Object> batchLinks(List<BatchReport> items, int limit) {
		Map<String, Object> links = new LinkedHashMap<>();
		links.put("atom", "/api/v1/changes.atom");
		bulkLinks(links);
		if (items.size() == limit) {
			links.put("next", "/api/v1/changes?limit=" + limit + "&before=" + items.get(items.size() - 1).dataVersion());
		}
		return links;
	}

	/** Where a mirror finds whole files and the delta files with full records (the change log names ids only). */
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

	private record Freshness(long dataVersion, Instant asOf) {
	}

	/** Small validators of the paging parameters; bad values are 400 problems naming the parameter. */
	static final class Paging {

		private Paging() {
		}

		static int limit(ServerRequest request, int defaultLimit, int max) {
			long limit = number(request, "limit").orElse((long) defaultLimit);
			if (limit < 1 || limit > max) {
				throw PortalException.invalidParameter("limit", "limit must be between 1 and " + max + ".");
			}
			return (int) limit;
		}

		static java.util.Optional<Long> number(ServerRequest request, String name) {
			return request.queryParam(name).map((value) -> {
				if (!value.matches("[0-9]{1,18}")) {
					throw PortalException.invalidParameter(name, name + " must be a whole number of at least 0.");
				}
				return Long.valueOf(value);
			});
		}

	}

}
