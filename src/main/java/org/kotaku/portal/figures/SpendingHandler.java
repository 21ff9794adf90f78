package org.kotaku.portal.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.kotaku.portal.api.Params;
import org.kotaku.portal.dataversion.DataVersion;
import org.kotaku.portal.httpcache.CachedAnswers;
import org.kotaku.portal.httpcache.SelfValidatingRoutes;
import org.kotaku.portal.licence.Licence;
import org.kotaku.portal.httpcache.Rendered;
import org.kotaku.portal.readmodel.ReadModel;
import org.kotaku.portal.readmodel.Snapshot;
import org.kotaku.portal.readmodel.Tally;
import org.kotaku.portal.readmodel.Tally.Slot;
import org.kotaku.portal.readmodel.TypeFigures;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * {@code GET /api/v1/spending?groupBy=year|source|type|program|region&region=&year=&format=}:
 * money broken down one way, with the disbursement rate. Groups {@code year},
 * {@code program} and {@code region} carry allocation ceilings ({@code plannedIdr}) and
 * disbursed tranches; {@code type} carries activity budgets and what was disbursed on
 * them; {@code source} the activity budgets by funding source. Figures a group does not
 * have are null. Answered from the read model's snapshot, except the types of a village
 * or of a district in one year, which the snapshot does not keep
 * ({@link Snapshot#keepsTypes}): those come from the database ({@link RegionTypes}), with
 * the data version read beside them, in the same shapes.
 */
@Configuration(proxyBeanMethods = false)
class SpendingHandler {

	private static final String SPENDING = "/api/v1/spending";

	enum GroupBy {

		YEAR, SOURCE, TYPE, PROGRAM, REGION

	}

	record Item(String key, String name, Long plannedIdr, Long budgetIdr, Long disbursedIdr,
			BigDecimal disbursementRate, Long activities) {
	}

	static final List<String> CSV_HEADER = List.of("groupBy", "key", "name", "year", "plannedIdr", "budgetIdr",
			"disbursedIdr", "disbursementRate", "activities");

	private final ReadModel readModel;

	private final CachedAnswers answers;

	private final Licence licence;

	private final RegionTypes regionTypes;

	SpendingHandler(ReadModel readModel, CachedAnswers answers, Licence licence, RegionTypes regionTypes) {
		this.readModel = readModel;
		this.answers = answers;
		this.licence = licence;
		this.regionTypes = regionTypes;
	}

	@Bean
	RouterFunction<ServerResponse> spendingRoutes() {
		return route().GET(SPENDING, this::spending).build();
	}

	@Bean
	SelfValidatingRoutes spendingAnswers() {
		return SelfValidatingRoutes.of(SPENDING);
	}

	Mono<ServerResponse> spending(ServerRequest request) {
		Snapshot snapshot = this.readModel.require();
		Params params = FigureParams.of(request, "groupBy", "region", "year", "format");
		GroupBy groupBy = params.choice("groupBy", GroupBy.class).orElse(GroupBy.YEAR);
		String region = FigureParams.region(params, "region", snapshot);
		int year = FigureParams.year(params);
		Breakdown breakdown = new Breakdown(groupBy, Envelope.region(snapshot, region), year,
				FigureParams.format(request, params));
		if (groupBy == GroupBy.TYPE && !Snapshot.keepsTypes(region, year)) {
			return this.regionTypes.read(region, year)
				.flatMap((read) -> answer(request, breakdown, read.version(),
						read.types().stream().map(SpendingHandler::type).toList()));
		}
		return answer(request, breakdown, snapshot.version(), items(snapshot, groupBy, region, year));
	}

	/**
	 * What a request asks for: the grouping, the region (null: the nation), the year (0:
	 * all) and the format.
	 */
	private record Breakdown(GroupBy groupBy, Envelope.RegionRef region, int year, FigureParams.Format format) {
	}

	private Mono<ServerResponse> answer(ServerRequest request, Breakdown breakdown, DataVersion version,
			List<Item> items) {
		if (breakdown.format() == FigureParams.Format.CSV) {
			return this.answers.answer(request, version, () -> csv(breakdown.groupBy(), breakdown.year(), items));
		}
		return this.answers.json(request, version, () -> {
			Map<String, Object> body = Envelope.of(version, this.licence);
			body.put("groupBy", breakdown.groupBy().name().toLowerCase(java.util.Locale.ROOT));
			body.put("region", breakdown.region());
			body.put("year", breakdown.year() == 0 ? null : breakdown.year());
			body.put("items", items);
			return body;
		});
	}

	static List<Item> items(Snapshot snapshot, GroupBy groupBy, String region, int year) {
		Tally tally = snapshot.tally(region, year).orElse(null);
		return switch (groupBy) {
			case YEAR -> snapshot.years()
				.stream()
				.filter((y) -> year == 0 || y == year)
				.map((y) -> money(String.valueOf(y), null, snapshot.tally(region, y).orElse(null)))
				.toList();
			case REGION -> snapshot.children(region)
				.stream()
				.map((r) -> money(r.code(), r.name(), snapshot.tally(r.code(), year).orElse(null)))
				.toList();
			case PROGRAM -> tally == null ? List.of() : programs(tally);
			case SOURCE -> tally == null ? List.of() : sources(tally);
			case TYPE -> snapshot.types(region, year).stream().map(SpendingHandler::type).toList();
		};
	}

	private static Item money(String key, String name, Tally t) {
		boolean allocations = t != null && t.hasAllocations();
		boolean activities = t != null && t.hasActivities();
		return new Item(key, name, allocations ? t.plannedIdr() : null, activities ? t.get(Slot.BUDGET) : null,
				allocations ? t.disbursedIdr() : null,
				allocations ? Numbers.rate(t.disbursedIdr(), t.plannedIdr()) : null,
				activities ? t.get(Slot.ACTIVITIES) : null);
	}

	private static List<Item> programs(Tally t) {
		List<Item> items = new ArrayList<>();
		for (int p = 0; p < Tally.PROGRAMS.length; p++) {
			items.add(new Item(Tally.PROGRAMS[p], null, t.planned(p), null, t.paid(p),
					Numbers.rate(t.paid(p), t.planned(p)), null));
		}
		return items;
	}

	private static List<Item> sources(Tally t) {
		List<Item> items = new ArrayList<>();
		for (int s = 0; s < Tally.SOURCES.length; s++) {
			items.add(new Item(Tally.SOURCES[s], null, null, t.cost(s), null, null, null));
		}
		return items;
	}

	private static Item type(TypeFigures t) {
		return new Item(t.type(), null, null, t.budgetIdr(), t.disbursedIdr(),
				Numbers.rate(t.disbursedIdr(), t.budgetIdr()), t.count());
	}

	private static Rendered csv(GroupBy groupBy, int year, List<Item> items) {
		List<List<Object>> rows = new ArrayList<>();
		for (Item i : items) {
			rows.add(Arrays.asList(groupBy.name().toLowerCase(java.util.Locale.ROOT), i.key(), i.name(),
					year == 0 ? null : year, i.plannedIdr(), i.budgetIdr(), i.disbursedIdr(), i.disbursementRate(),
					i.activities()));
		}
		return Csv.render(CSV_HEADER, rows);
	}

}
