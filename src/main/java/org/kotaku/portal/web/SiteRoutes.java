package org.kotaku.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.httpcache.SelfValidatingRoutes;
import org.kotaku.portal.licence.Licence;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * Serves the single-page map site: its {@code index.html} for every page path the site
 * routes itself ({@code /}, {@code /peta}, {@code /sekitar}, {@code /wilayah/...},
 * {@code /kegiatan/...}, {@code /kawasan/...}, {@code /embed/...}, {@code /data},
 * {@code /about}, {@code /aksesibilitas}), never cached, with what a
 * {@link SitePageContent} renders into its page on the server; the page of one record
 * ({@link SiteRecordPage}: an activity, a slum area, a region) is rendered on the server
 * too and cached per data version ({@link SiteRecordAnswers}). Plus the site's run-time
 * configuration ({@code /site/config.json}: the external map style, and the data licence
 * the footer shows). Hashed assets are served by Boot's static resource handling.
 */
@Configuration(proxyBeanMethods = false)
public class SiteRoutes {

	static final String[] PAGE_PATHS = { "/", "/peta", "/sekitar", "/wilayah/**", "/kegiatan/*", "/kawasan/*",
			"/embed/**", "/data", "/about", "/aksesibilitas" };

	private final Resource indexHtml;

	private final SiteProperties properties;

	private final Licence licence;

	private final Map<String, SitePageContent> contents;

	private final List<SiteRecordPage> records;

	private final SiteRecordAnswers recordAnswers;

	private volatile SiteIndex cachedIndex;

	SiteRoutes(ResourceLoader resources, SiteProperties properties, Licence licence,
			ObjectProvider<SitePageContent> contents, ObjectProvider<SiteRecordPage> records,
			SiteRecordAnswers recordAnswers) {
		String location = properties.location().endsWith("/") ? properties.location() : properties.location() + "/";
		this.indexHtml = resources.getResource(location + "index.html");
		this.properties = properties;
		this.licence = licence;
		this.contents = contents.orderedStream()
			.collect(Collectors.toUnmodifiableMap(SitePageContent::path, Function.identity()));
		this.records = records.orderedStream().toList();
		this.recordAnswers = recordAnswers;
	}

	@Bean
	RouterFunction<ServerResponse> sitePageRoutes() {
		var routes = route();
		// a record's page before the page paths that would serve it the bare index.html
		for (SiteRecordPage record : this.records) {
			routes.GET(record.pattern(), (request) -> recordPage(request, record))
				.HEAD(record.pattern(), (request) -> recordPage(request, record));
		}
		for (String path : PAGE_PATHS) {
			routes.GET(path, this::page).HEAD(path, this::page);
		}
		return routes.GET("/site/config.json", this::config).build();
	}

	/**
	 * The pages of one record answer through the response cache, which validates them.
	 */
	@Bean
	SelfValidatingRoutes recordPageAnswers() {
		return new SelfValidatingRoutes(this.records.stream().map(SiteRecordPage::pattern).toList());
	}

	Mono<ServerResponse> page(ServerRequest request) {
		SitePageContent content = this.contents.get(request.path());
		Mono<byte[]> page = (content == null) ? indexBytes().map(SiteIndex::html)
				: indexBytes().zipWith(content.render(), SiteIndex::with);
		return page.flatMap((bytes) -> ServerResponse.ok()
			.contentType(MediaType.TEXT_HTML)
			.cacheControl(CacheControl.noCache())
			.bodyValue(bytes));
	}

	Mono<ServerResponse> recordPage(ServerRequest request, SiteRecordPage record) {
		return this.recordAnswers.answer(request, record, indexBytes(), Mono.defer(() -> page(request)));
	}

	Mono<ServerResponse> config(ServerRequest request) {
		return ServerResponse.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noCache())
			.bodyValue(Map.of("mapStyleUrl", this.properties.mapStyleUrl().strip(), "licence", this.licence.member(),
					"contactEmail", this.properties.contactEmail().strip()));
	}

	/**
	 * Reads index.html once, off the event loop (classpath reads block), and keeps it.
	 */
	private Mono<SiteIndex> indexBytes() {
		SiteIndex cached = this.cachedIndex;
		if (cached != null) {
			return Mono.just(cached);
		}
		return Mono.fromCallable(this::readIndex).subscribeOn(Schedulers.boundedElastic()).doOnNext((index) -> {
			this.cachedIndex = index;
		});
	}

	private SiteIndex readIndex() throws IOException {
		if (!this.indexHtml.exists()) {
			throw PortalException.notFound(
					"The map site is not part of this build (it was built with -Dfrontend.skip=true); the API is at /api/v1");
		}
		try (InputStream in = this.indexHtml.getInputStream()) {
			return SiteIndex.of(in.readAllBytes());
		}
	}

}
