package org.kotaku.portal.checks;

import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Mono;

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
import org.kotaku.portal.catalog.Text;
import org.kotaku.portal.httpcache.CachedAnswers;
import org.kotaku.portal.httpcache.SelfValidatingRoutes;
import org.kotaku.portal.licence.Licence;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The reconciliation ledger: {@code GET /api/v1/checks} (every check with pass/fail, its
 * count and the first {@value #SAMPLE} offending ids) and {@code GET /api/v1/checks/{id}}
 * (one check with every offending id the ledger keeps, up to
 * {@link CheckRepository#MAX_IDS}, and why). Both read the results computed for the
 * current data version and are cached per version.
 */
@Configuration(proxyBeanMethods = false)
class ChecksHandler {

	private static final String CHECKS = "/api/v1/checks", CHECK = "/api/v1/checks/{id}";

	static final int SAMPLE = 100;

	private final CheckRepository checks;

	private final DataVersions versions;

	private final CachedAnswers answers;

	private final Licence licence;

	ChecksHandler(CheckRepository checks, DataVersions versions, CachedAnswers answers, Licence licence) {
		this.checks = checks;
		this.versions = versions;
		this.answers = answers;
		this.licence = licence;
	}

	@Bean
	RouterFunction<ServerResponse> checkRoutes() {
		return route().GET(CHECKS, this::list).GET(CHECK, this::one).build();
	}

	@Bean
	SelfValidatingRoutes checkAnswers() {
		return SelfValidatingRoutes.of(CHECKS, CHECK);
	}

	/** One check in the list: its result with a sample of the offending ids. */
	record CheckView(String id, String dataset, Text title, Text description, String status, long count,
			List<String> sampleIds, Instant checkedAt) {

		static CheckView of(CheckResult result) {
			Check check = result.check();
			return new CheckView(check.id(), check.dataset().id(), check.title(), check.description(),
					result.passed() ? "pass" : "fail", result.count(),
					result.offenders().stream().limit(SAMPLE).map(CheckResult.Offender::id).toList(),
					result.checkedAt());
		}

	}

	/**
	 * One check with its offending records (all of them, or the first {@code MAX_IDS}
	 * when {@code truncated}).
	 */
	record CheckDetail(String id, String dataset, Text title, Text description, String status, long count,
			List<String> offendingIds, List<CheckResult.Offender> offending, boolean truncated, Instant checkedAt) {

		static CheckDetail of(CheckResult result) {
			CheckView view = CheckView.of(result);
			return new CheckDetail(view.id(), view.dataset(), view.title(), view.description(), view.status(),
					view.count(), result.offenders().stream().map(CheckResult.Offender::id).toList(),
					result.offenders(), result.count() > result.offenders().size(), view.checkedAt());
		}

	}

	Mono<ServerResponse> list(ServerRequest request) {
		Params.none(request);
		return answer(request, (version, results) -> Answer.items(version, this.licence.member(),
				results.stream().map(CheckView::of).toList()));
	}

	Mono<ServerResponse> one(ServerRequest request) {
		Params.none(request);
		String id = request.pathVariable("id");
		Check check = Checks.find(id)
			.orElseThrow(() -> PortalException.notFound("No check '" + id + "'; GET /api/v1/checks lists them."));
		return answer(request, (version, results) -> Answer.one(version, this.licence.member(),
				CheckDetail.of(resultOf(check, results))));
	}

	private interface Body {

		Object of(DataVersion version, List<CheckResult> results);

	}

	private Mono<ServerResponse> answer(ServerRequest request, Body body) {
		return this.versions.of(request)
			.zipWith(this.checks.current())
			.flatMap((both) -> this.answers.json(request, both.getT1(), () -> body.of(both.getT1(), both.getT2())));
	}

	private static CheckResult resultOf(Check check, List<CheckResult> results) {
		return results.stream().filter((r) -> r.check().id().equals(check.id())).findFirst().orElseThrow();
	}

}
