package org.kotaku.portal.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.kotaku.portal.api.Params;
import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.httpcache.CachedAnswers;
import org.kotaku.portal.httpcache.SelfValidatingRoutes;
import org.kotaku.portal.licence.Licence;
import org.kotaku.portal.httpcache.Rendered;
import org.kotaku.portal.readmodel.ReadModel;
import org.kotaku.portal.readmodel.RegionEntry;
import org.kotaku.portal.readmodel.Snapshot;
import org.kotaku.portal.regioncode.RegionCode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * {@code GET /api/v1/progress?level=&parent=&year=&metric=&format=}: one value of one
 * metric per region (the map's choropleth data), as JSON or CSV. Regions with nothing
 * reported have {@code value: null}.
 */
@Configuration(proxyBeanMethods = false)
class ProgressHandler {

	private static final String PROGRESS = "/api/v1/progress";

	static final List<String> CSV_HEADER = List.of("code", "name", "level", "metric", "unit", "year", "value",
			"hasData", "lon", "lat");

	private final ReadModel readModel;

	private final CachedAnswers answers;

	private final Licence licence;

	ProgressHandler(ReadModel readModel, CachedAnswers answers, Licence licence) {
		this.readModel = readModel;
		this.answers = answers;
		this.licence = licence;
	}

	@Bean
	RouterFunction<ServerResponse> progressRoutes() {
		return route().GET(PROGRESS, this::progress).build();
	}

	@Bean
	SelfValidatingRoutes progressAnswers() {
		return SelfValidatingRoutes.of(PROGRESS);
	}

	Mono<ServerResponse> progress(ServerRequest request) {
		Snapshot snapshot = this.readModel.require();
		Params params = FigureParams.of(request, "parent", "level", "year", "metric", "format");
		String parent = FigureParams.region(params, "parent", snapshot);
		int parentLevel = RegionCode.levelOf(parent);
		int level = FigureParams.level(params, parentLevel + 1);
		if (level <= parentLevel) {
			throw PortalException.invalidParameter("level",
					"level " + level + " is not below parent " + parent + " (level " + parentLevel + ").");
		}
		int year = FigureParams.year(params);
		Metric metric = params.choice("metric", Metric.class).orElse(Metric.SLUM_REDUCED_PCT);
		Query query = new Query(parent, level, year, metric);
		if (FigureParams.format(request, params) == FigureParams.Format.CSV) {
			return this.answers.answer(request, snapshot.version(), () -> csv(snapshot, query));
		}
		return this.answers.json(request, snapshot.version(), () -> json(snapshot, query));
	}

	record Query(String parent, int level, int year, Metric metric) {
	}

	record Item(String code, String name, BigDecimal value, boolean hasData, Double lon, Double lat) {
	}

	static List<Item> items(Snapshot snapshot, Query query) {
		List<Item> items = new ArrayList<>();
		snapshot.regionsAt(query.parent(), query.level()).forEach((region) -> {
			var tally = snapshot.tally(region.code(), query.year()).orElse(null);
			items.add(new Item(region.code(), region.name(), query.metric().of(tally), tally != null && tally.hasData(),
					region.lon(), region.lat()));
		});
		return items;
	}

	/**
	 * The extent of the listed regions (what a map of them fits to), or where none is
	 * located the parent's; null when neither is.
	 */
	private static double[] bbox(Snapshot snapshot, Query query) {
		RegionEntry.Box box = null;
		for (RegionEntry region : snapshot.regionsAt(query.parent(), query.level())) {
			box = RegionEntry.Box.union(box, region.bbox());
		}
		if (box == null) {
			box = snapshot.region(query.parent()).map(RegionEntry::bbox).orElse(null);
		}
		return box == null ? null : box.toArray();
	}

	private Map<String, Object> json(Snapshot snapshot, Query query) {
		Map<String, Object> body = Envelope.of(snapshot, this.licence);
		body.put("level", query.level());
		body.put("parent", query.parent().isEmpty() ? null : query.parent());
		body.put("year", query.year() == 0 ? null : query.year());
		body.put("metric", query.metric().apiName());
		body.put("unit", query.metric().unit());
		body.put("bbox", bbox(snapshot, query));
		body.put("items", items(snapshot, query));
		return body;
	}

	private static Rendered csv(Snapshot snapshot, Query query) {
		List<List<Object>> rows = new ArrayList<>();
		for (Item item : items(snapshot, query)) {
			rows.add(java.util.Arrays.asList(item.code(), item.name(), query.level(), query.metric().apiName(),
					query.metric().unit(), query.year() == 0 ? null : query.year(), item.value(), item.hasData(),
					item.lon(), item.lat()));
		}
		return Csv.render(CSV_HEADER, rows);
	}

}
