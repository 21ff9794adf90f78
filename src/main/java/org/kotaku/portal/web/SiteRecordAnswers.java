package org.kotaku.portal.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import reactor.core.publisher.Mono;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.httpcache.CachedAnswers;
import org.kotaku.portal.httpcache.Rendered;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;

/**
 * Answers the page of one record ({@link SiteRecordPage}): rendered into the site's
 * index.html once per data version, build and request and kept in the response cache
 * ({@link CachedAnswers}: ETag, 304, gzip, Cache-Control, X-Data-Version). A record that
 * does not exist, or an id that is malformed, is a page for people with the problem's
 * status (404, 400; never cached), and the problem itself
 * ({@code application/problem+json}) for a client that asks for JSON rather than HTML.
 */
@Component
class SiteRecordAnswers {

	static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private final CachedAnswers answers;

	SiteRecordAnswers(CachedAnswers answers) {
		this.answers = answers;
	}

	/**
	 * The record's page; {@code bare} answers when the page has nothing to render yet.
	 */
	Mono<ServerResponse> answer(ServerRequest request, SiteRecordPage page, Mono<SiteIndex> index,
			Mono<ServerResponse> bare) {
		return Mono.defer(() -> page.find(request))
			.zipWith(index)
			.flatMap((both) -> render(request, both.getT1(), both.getT2()))
			.switchIfEmpty(bare)
			.onErrorResume(PortalException.class, (problem) -> forPeople(request, problem, index));
	}

	private Mono<ServerResponse> render(ServerRequest request, SiteRecordPage.Found found, SiteIndex index) {
		return this.answers.answer(request, found.version(), index.variant(),
				() -> new Rendered(HTML.toString(), index.with(found.parts().get())));
	}

	/**
	 * A client error as a page for people, with its status; JSON clients and server
	 * errors get the problem.
	 */
	private static Mono<ServerResponse> forPeople(ServerRequest request, PortalException problem,
			Mono<SiteIndex> index) {
		HttpStatus status = problem.type().status();
		if (!status.is4xxClientError() || asksForJson(request.headers().accept())) {
			return Mono.error(problem);
		}
		return index.flatMap((site) -> ServerResponse.status(status)
			.contentType(HTML)
			.cacheControl(CacheControl.noStore())
			.bodyValue(site.with(errorParts(status, problem.detail()))));
	}

	static SitePageContent.Parts errorParts(HttpStatus status, String detail) {
		String title = status == HttpStatus.NOT_FOUND ? "Tidak ditemukan / Not found"
				: "Alamat tidak valid / Invalid address";
		String noscript = "<main class=\"static-record\"><h1>" + title + "</h1><p lang=\"en\">"
				+ HtmlUtils.htmlEscape(detail)
				+ "</p><p><a href=\"/\">Beranda / Home</a> · <a href=\"/peta\">Peta / Map</a>"
				+ " · <a href=\"/data\">Data</a></p></main>";
		return new SitePageContent.Parts("<meta name=\"robots\" content=\"noindex\">", noscript,
				title + " · Portal Data Terbuka KOTAKU");
	}

	/**
	 * Whether the client asks for JSON rather than HTML: a JSON type
	 * ({@code application/json}, {@code +json}) named with a higher quality than any type
	 * that covers {@code text/html} (browsers, and {@code *}{@code /*}, get HTML).
	 */
	static boolean asksForJson(List<MediaType> accepted) {
		double json = 0;
		double html = 0;
		for (MediaType type : accepted) {
			double quality = type.getQualityValue();
			if (type.includes(MediaType.TEXT_HTML)) {
				html = Math.max(html, quality);
			}
			else if (!type.isWildcardSubtype()
					&& (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
				json = Math.max(json, quality);
			}
		}
		return json > html;
	}

}
