package org.kotaku.portal.web;

import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.kotaku.portal.dataversion.DataVersion;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * A page of the site per record ({@code /kegiatan/{id}}): what the server renders into
 * {@code index.html} for the record a request names, so that the page holds the record's
 * figures, structured data and links before any script runs. {@link SiteRoutes} routes it
 * and answers through the response cache, rendered once per data version, build and
 * request; an unknown or malformed id is a 404 or 400 page for people and a problem for
 * clients that ask for JSON.
 */
public interface SiteRecordPage {

	/**
	 * The route: a path pattern with the record's id as its variable
	 * ({@code /kegiatan/{id}}).
	 */
	String pattern();

	/**
	 * The page of the record {@code request} names: the data version it was read at, and
	 * the parts of the page, rendered by the supplier only on a cache miss. A
	 * {@link org.kotaku.portal.api.PortalException} error when there is no such record
	 * (404) or its id is malformed (400); empty when nothing can be rendered yet (no
	 * snapshot of the figures): the site's bare page then, which its script fills.
	 */
	Mono<Found> find(ServerRequest request);

	/**
	 * A record's page as read: {@code version} is the data version of what was read (the
	 * database's for a record read from PostGIS, the snapshot's for figures of the read
	 * model), the key of its cached answer.
	 */
	record Found(DataVersion version, Supplier<SitePageContent.Parts> parts) {
	}

}
