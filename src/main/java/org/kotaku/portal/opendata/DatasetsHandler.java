package org.kotaku.portal.opendata;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import org.kotaku.portal.api.Answer;
import org.kotaku.portal.dataversion.DataVersion;
import org.kotaku.portal.dataversion.DataVersions;
import org.kotaku.portal.api.Params;
import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.bulk.Downloads;
import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.httpcache.CachedAnswers;
import org.kotaku.portal.httpcache.SelfValidatingRoutes;
import org.kotaku.portal.httpcache.Rendered;
import org.kotaku.portal.licence.Licence;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The data dictionary and the harvestable catalogs, all read from the {@link Catalog} and
 * the {@link DatasetFacts} of the current data version: {@code GET /api/v1/datasets}
 * (every dataset with its fields, record count, coverage and last modification),
 * {@code GET /api/v1/datasets/{id}} and {@code GET /catalog.jsonld} (DCAT-AP). Answers
 * are cached per data version.
 */
@Configuration(proxyBeanMethods = false)
class DatasetsHandler {

	private static final String DATASETS = "/api/v1/datasets", DATASET = "/api/v1/datasets/{id}",
			DCAT = "/catalog.jsonld", DATA_PACKAGE = "/datapackage.json";

	static final String JSON_LD = "application/ld+json";

	private final DatasetFactsRepository facts;

	private final DataVersions versions;

	private final CachedAnswers answers;

	private final Licence licence;

	private final OpenDataProperties site;

	private final JsonMapper json;

	private final Downloads downloads;

	DatasetsHandler(DatasetFactsRepository facts, DataVersions versions, CachedAnswers answers, Licence licence,
			OpenDataProperties site, JsonMapper json, Downloads downloads) {
		this.downloads = downloads;
		this.facts = facts;
		this.versions = versions;
		this.answers = answers;
		this.licence = licence;
		this.site = site;
		this.json = json;
	}

	@Bean
	RouterFunction<ServerResponse> datasetRoutes() {
		return route().GET(DATASETS, this::list)
			.GET(DATASET, this::one)
			.GET(DCAT, this::dcat)
			.GET(DATA_PACKAGE, this::dataPackage)
			.build();
	}

	@Bean
	SelfValidatingRoutes datasetAnswers() {
		return SelfValidatingRoutes.of(DATASETS, DATASET, DCAT, DATA_PACKAGE);
	}

	Mono<ServerResponse> list(ServerRequest request) {
		Params.none(request);
		return answer(request, (version, facts) -> {
			List<DatasetView> items = Catalog.all().stream().map((d) -> view(d, facts)).toList();
			return Answer.items(version, this.licence.member(), items);
		});
	}

	Mono<ServerResponse> one(ServerRequest request) {
		Params.none(request);
		String id = request.pathVariable("id");
		Dataset dataset = Catalog.find(id)
			.orElseThrow(() -> PortalException.notFound("No dataset '" + id + "'; GET /api/v1/datasets lists them."));
		return answer(request, (version, facts) -> Answer.one(version, this.licence.member(), view(dataset, facts)));
	}

	Mono<ServerResponse> dcat(ServerRequest request) {
		Params.none(request);
		return this.versions.of(request)
			.zipWith(this.facts.current())
			.flatMap((both) -> this.answers.answer(request, both.getT1(), filesVariant(),
					() -> new Rendered(JSON_LD, this.json.writeValueAsBytes(
							new DcatCatalog(this.site, this.licence, this.downloads).document(both.getT2())))));
	}

	Mono<ServerResponse> dataPackage(ServerRequest request) {
		Params.none(request);
		return this.versions.of(request)
			.flatMap((version) -> this.answers.json(request, version, filesVariant(),
					() -> new DataPackage(this.site, this.licence, this.downloads).document(version)));
	}

	private interface Body {

		Object of(DataVersion version, Map<String, DatasetFacts> facts);

	}

	private Mono<ServerResponse> answer(ServerRequest request, Body body) {
		return this.versions.of(request)
			.zipWith(this.facts.current())
			.flatMap((both) -> this.answers.json(request, both.getT1(), filesVariant(),
					() -> body.of(both.getT1(), both.getT2())));
	}

	/**
	 * The catalogs list the bulk files, which are written after a version is served: they
	 * vary with them too.
	 */
	private String filesVariant() {
		return "files=" + this.downloads.latestVersion().orElse(0L);
	}

	private DatasetView view(Dataset dataset, Map<String, DatasetFacts> facts) {
		return DatasetView.of(dataset, facts.get(dataset.id()), this.site, this.licence.member(),
				this.downloads.of(dataset.id()));
	}

}
