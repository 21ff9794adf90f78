package org.kotaku.portal.region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import reactor.core.publisher.Mono;

import org.kotaku.portal.figures.Envelope;
import org.kotaku.portal.regioncode.RegionCode;
import org.kotaku.portal.figures.FigureParams;
import org.kotaku.portal.api.Params;
import org.kotaku.portal.httpcache.CachedAnswers;
import org.kotaku.portal.httpcache.SelfValidatingRoutes;
import org.kotaku.portal.licence.Licence;
import org.kotaku.portal.readmodel.ReadModel;
import org.kotaku.portal.readmodel.RegionEntry;
import org.kotaku.portal.readmodel.Snapshot;
import org.kotaku.portal.readmodel.Tally;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * {@code GET /api/v1/regions?level=&parent=&q=&limit=} (the hierarchy and the in-memory
 * name search) and {@code GET /api/v1/regions/{code}?year=} (a region's profile: figures,
 * children, ranking among siblings, links), all from the read model's snapshot.
 */
@Configuration(proxyBeanMethods = false)
class RegionsHandler {

	private static final String REGIONS = "/api/v1/regions", REGION = "/api/v1/regions/{code}";

	static final int MAX_LIMIT = 1000;

	static final int MAX_QUERY_LENGTH = 100;

	private final ReadModel readModel;

	private final CachedAnswers answers;

	private final Licence licence;

	RegionsHandler(ReadModel readModel, CachedAnswers answers, Licence licence) {
		this.readModel = readModel;
		this.answers = answers;
		this.licence = licence;
	}

	@Bean
	RouterFunction<ServerResponse> regionRoutes() {
		return route().GET(REGIONS, this::list).GET(REGION, this::profile).build();
	}

	@Bean
	SelfValidatingRoutes regionAnswers() {
		return SelfValidatingRoutes.of(REGIONS, REGION);
	}

	Mono<ServerResponse> list(ServerRequest request) {
		Snapshot snapshot = this.readModel.require();
		Params params = FigureParams.of(request, "parent", "q", "level", "limit");
		String parent = FigureParams.region(params, "parent", snapshot);
		String query = params.text("q", MAX_QUERY_LENGTH).orElse("");
		int defaultLevel = query.isEmpty() ? RegionCode.levelOf(parent) + 1 : 0;
		int level = FigureParams.level(params, defaultLevel);
		int limit = params.integer("limit", 1, MAX_LIMIT).orElse((long) MAX_LIMIT).intValue();
		return this.answers.json(request, snapshot.version(),
				() -> listBody(snapshot, matches(snapshot, query, parent, level), limit));
	}

	Mono<ServerResponse> profile(ServerRequest request) {
		Snapshot snapshot = this.readModel.require();
		String code = FigureParams.pathRegion(request, snapshot);
		int year = FigureParams.year(FigureParams.of(request, "year"));
		return this.answers.json(request, snapshot.version(),
				() -> RegionProfile.of(snapshot, code, year, this.licence));
	}

	private static Stream<RegionEntry> matches(Snapshot snapshot, String query, String parent, int level) {
		Stream<RegionEntry> found = query.isEmpty() ? below(snapshot, parent, level)
				: snapshot.search(query, Integer.MAX_VALUE).stream();
		return found.filter((r) -> parent.isEmpty() || r.code().startsWith(parent + "."))
			.filter((r) -> level == 0 || r.level() == level);
	}

	/**
	 * Regions at {@code level} below {@code parent}, walking down the hierarchy, by code.
	 */
	private static Stream<RegionEntry> below(Snapshot snapshot, String parent, int level) {
		List<RegionEntry> current = snapshot.children(parent);
		int depth = RegionCode.levelOf(parent) + 1;
		for (; depth < level; depth++) {
			List<RegionEntry> next = new ArrayList<>();
			current.forEach((r) -> next.addAll(snapshot.children(r.code())));
			current = next;
		}
		return current.stream().sorted(Comparator.comparing(RegionEntry::code));
	}

	private Map<String, Object> listBody(Snapshot snapshot, Stream<RegionEntry> regions, int limit) {
		List<RegionEntry> all = regions.toList();
		Map<String, Object> body = Envelope.of(snapshot, this.licence);
		body.put("total", all.size());
		body.put("items", all.stream().limit(limit).map((r) -> item(snapshot, r)).toList());
		return body;
	}

	static Map<String, Object> item(Snapshot snapshot, RegionEntry region) {
		Tally tally = snapshot.tally(region.code(), 0).orElse(null);
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("code", region.code());
		item.put("name", region.name());
		item.put("level", region.level());
		item.put("type", region.type());
		item.put("parent", region.parent());
		item.put("parentName",
				region.parent() == null ? null : snapshot.region(region.parent()).map(RegionEntry::name).orElse(null));
		item.put("inProgram", tally != null && (tally.hasActivities() || tally.hasAllocations()));
		item.put("hasData", tally != null && tally.hasData());
		item.put("lon", region.lon());
		item.put("lat", region.lat());
		return item;
	}

}
