package org.kotaku.portal.ogc;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.licence.Licence;
import org.kotaku.portal.ogc.ItemRepository.FeatureRow;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;

/**
 * Writes one page of a feature collection as a GeoJSON FeatureCollection while its rows
 * stream from the database: the features first, then the members that depend on the whole
 * page (numberReturned, links with the keyset cursors and the licence, numberMatched,
 * timeStamp, the {@code licence} foreign member). JSON members have no order, so clients
 * read them as usual.
 */
final class FeaturePage {

	private static final byte[] HEAD = "{\"type\":\"FeatureCollection\",\"features\":["
		.getBytes(StandardCharsets.UTF_8);

	private final ItemQuery query;

	private final URI request;

	private final String collectionUrl;

	private final Licence licence;

	private final Instant timeStamp = Instant.now();

	private int returned;

	private String firstId;

	private String lastId;

	private boolean moreAfter;

	private boolean moreBefore;

	private Long matched;

	FeaturePage(ItemQuery query, URI request, String collectionUrl, Licence licence) {
		this.licence = licence;
		this.query = query;
		this.request = request;
		this.collectionUrl = collectionUrl;
	}

	/**
	 * The whole document: head, the streamed features, and the tail once the page and its
	 * count are known (the count the rows carried, else {@code counted}, subscribed to
	 * only then).
	 */
	Flux<DataBuffer> write(Flux<FeatureRow> rows, Mono<Long> counted, JsonMapper json, DataBufferFactory buffers) {
		Flux<DataBuffer> features = rows.filter(this::accept).map((row) -> buffers.wrap(featureBytes(row)));
		Mono<DataBuffer> tail = Mono.defer(() -> this.matched != null ? Mono.just(this.matched) : counted)
			.map((n) -> buffers.wrap(tail(n, json)));
		return Flux.concat(Mono.fromSupplier(() -> buffers.wrap(HEAD)), features, tail);
	}

	/** Takes a row into the page, or notes that it only proves another page exists. */
	private boolean accept(FeatureRow row) {
		if (row.matched() != null) {
			this.matched = row.matched();
		}
		if (row.moreBefore() && this.returned == 0 && !this.moreBefore) {
			this.moreBefore = true;
			return false;
		}
		if (this.returned == this.query.limit()) {
			this.moreAfter = true;
			return false;
		}
		this.returned++;
		if (this.firstId == null) {
			this.firstId = row.id();
		}
		this.lastId = row.id();
		return true;
	}

	private byte[] featureBytes(FeatureRow row) {
		return (this.returned == 1 ? row.feature() : "," + row.feature()).getBytes(StandardCharsets.UTF_8);
	}

	private byte[] tail(long matched, JsonMapper json) {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("numberReturned", this.returned);
		members.put("numberMatched", matched);
		members.put("timeStamp", this.timeStamp.toString());
		members.put("licence", this.licence.member());
		members.put("links", links());
		String object = json.writeValueAsString(members);
		return ("]," + object.substring(1)).getBytes(StandardCharsets.UTF_8);
	}

	private List<Link> links() {
		List<Link> links = new ArrayList<>();
		links.add(new Link(this.request.toString(), "self", Link.GEO_JSON, "This page"));
		links.add(new Link(this.collectionUrl, "collection", Link.JSON, "The collection"));
		links.add(Link.licence(this.licence));
		boolean hasNext = this.query.backwards() ? this.returned > 0 : this.moreAfter;
		boolean hasPrev = this.query.backwards() ? this.moreBefore : this.query.after() != null && this.returned > 0;
		if (hasNext) {
			links.add(new Link(OgcUrls.withCursor(this.request, "after", this.lastId), "next", Link.GEO_JSON,
					"Next page"));
		}
		if (hasPrev) {
			links.add(new Link(OgcUrls.withCursor(this.request, "before", this.firstId), "prev", Link.GEO_JSON,
					"Previous page"));
		}
		return links;
	}

}
