package org.kotaku.portal.summary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** National totals computed by PostgreSQL aggregates over the canonical tables. */
@Repository
class SummaryRepository {

	private static final String VERSION = """
			select coalesce(max(data_version), 0) as version, max(committed_at) as as_of,
			       coalesce(bool_or(synthetic), false) as synthetic
			from ingest_batch""";

	private static final String SLUM = """
			with latest as (
			    select distinct on (a.slum_area_id) a.slum_area_id, a.level, a.mean_pct
			    from assessment a order by a.slum_area_id, a.year desc, a.kind desc),
			baseline as (
			    select distinct on (a.slum_area_id) a.slum_area_id, a.mean_pct
			    from assessment a order by a.slum_area_id, a.year, a.kind)
			select count(*) as areas,
			       coalesce(sum(s.area_ha), 0) as baseline_ha,
			       coalesce(sum(s.area_ha) filter (where coalesce(l.level, 'berat') <> 'tidak_kumuh'), 0) as current_ha,
			       coalesce(sum(s.area_ha * least(1, greatest(0, (b.mean_pct - l.mean_pct) / nullif(b.mean_pct, 0)))), 0)
			           as weighted_ha,
			       count(*) filter (where l.level = 'tidak_kumuh') as tidak_kumuh,
			       count(*) filter (where l.level = 'ringan') as ringan,
			       count(*) filter (where l.level = 'sedang') as sedang,
			       count(*) filter (where l.level = 'berat') as berat,
			       count(*) filter (where l.level is null) as unassessed
			from slum_area s left join latest l on l.slum_area_id = s.id left join baseline b on b.slum_area_id = s.id""";

	private static final String MONEY = """
			select (select coalesce(sum(ceiling_idr), 0) from allocation) as planned,
			       (select coalesce(sum(amount_idr), 0) from disbursement where status = 'disbursed') as disbursed,
			       (select coalesce(sum(budget_idr), 0) from activity) as activity_budget""";

	private static final String ACTIVITIES = "select status, count(*) as n from activity group by status";

	private final DatabaseClient db;

	SummaryRepository(DatabaseClient db) {
		this.db = db;
	}

	Mono<Summary> national() {
		Mono<Object[]> version = this.db.sql(VERSION).map(SummaryRepository::version).one();
		Mono<Summary.Slum> slum = this.db.sql(SLUM).map(SummaryRepository::slum).one();
		Mono<Summary.Money> money = this.db.sql(MONEY).map(SummaryRepository::money).one();
		Mono<Summary.Activities> activities = this.db.sql(ACTIVITIES)
			.map((row) -> Map.entry(row.get("status", String.class), row.get("n", Long.class)))
			.all()
			.collectList()
			.map((entries) -> {
				Map<String, Long> byStatus = new LinkedHashMap<>();
				for (String status : new String[] { "planned", "ongoing", "completed", "cancelled" }) {
					byStatus.put(status, 0L);
				}
				entries.forEach((e) -> byStatus.put(e.getKey(), e.getValue()));
				return new Summary.Activities(byStatus.values().stream().mapToLong(Long::longValue).sum(), byStatus);
			});
		return Mono.zip(version, slum, money, activities)
			.map((t) -> new Summary((Boolean) t.getT1()[2] ? "demo-synthetic" : "kotaku", (Long) t.getT1()[0],
					(Instant) t.getT1()[1], t.getT2(), t.getT3(), t.getT4()));
	}

	private static Object[] version(Readable row) {
		OffsetDateTime asOf = row.get("as_of", OffsetDateTime.class);
		return new Object[] { row.get("version", Long.class), asOf == null ? null : asOf.toInstant(),
				row.get("synthetic", Boolean.class) };
	}

	private static Summary.Slum slum(Readable row) {
		BigDecimal baseline = row.get("baseline_ha", BigDecimal.class);
		BigDecimal current = row.get("current_ha", BigDecimal.class);
		BigDecimal reduced = baseline.subtract(current);
		BigDecimal pct = baseline.signum() == 0 ? BigDecimal.ZERO
				: reduced.multiply(BigDecimal.valueOf(100)).divide(baseline, 1, RoundingMode.HALF_UP);
		Map<String, Long> levels = new LinkedHashMap<>();
		for (String level : new String[] { "berat", "sedang", "ringan", "tidak_kumuh", "unassessed" }) {
			levels.put(level, row.get(level, Long.class));
		}
		return new Summary.Slum(row.get("areas", Long.class), baseline, current, reduced, pct,
				row.get("weighted_ha", BigDecimal.class).setScale(2, RoundingMode.HALF_UP), levels);
	}

	private static Summary.Money money(Readable row) {
		long planned = row.get("planned", BigDecimal.class).longValueExact();
		long disbursed = row.get("disbursed", BigDecimal.class).longValueExact();
		BigDecimal rate = planned == 0 ? BigDecimal.ZERO
				: BigDecimal.valueOf(disbursed).divide(BigDecimal.valueOf(planned), 4, RoundingMode.HALF_UP);
		return new Summary.Money(planned, disbursed, rate, row.get("activity_budget", BigDecimal.class).longValueExact());
	}

}
