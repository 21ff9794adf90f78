package org.kotaku.portal.figures;

import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.kotaku.portal.api.ConsistentRead;
import org.kotaku.portal.dataversion.DataVersion;
import org.kotaku.portal.dataversion.DataVersions;
import org.kotaku.portal.api.SqlFile;
import org.kotaku.portal.readmodel.TypeFigures;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Activities by type of a village, or of a district in one fiscal year, read from the
 * database: the read model keeps that breakdown only down to regencies (and districts
 * over all years), which bounds its memory at national scale. The figures and the data
 * version they show are read in one repeatable-read transaction, so an answer never names
 * a version it does not show; the answer is then cached per version like every other
 * ({@link org.kotaku.portal.httpcache.CachedAnswers}).
 */
@Repository
class RegionTypes {

	/** Activities by type as of one data version. */
	record AtVersion(DataVersion version, List<TypeFigures> types) {
	}

	private static final String SQL = SqlFile.read("sql/figures/region-types.sql");

	private final DatabaseClient db;

	private final DataVersions versions;

	private final TransactionalOperator consistent;

	RegionTypes(DatabaseClient db, DataVersions versions, ReactiveTransactionManager transactions) {
		this.db = db;
		this.versions = versions;
		this.consistent = ConsistentRead.operator(transactions);
	}

	/**
	 * The types of the village {@code code}, or of the villages of the district
	 * {@code code}; year 0: all years.
	 */
	Mono<AtVersion> read(String code, int year) {
		return this.consistent.transactional(this.versions.current()
			.flatMap((version) -> this.db.sql(SQL)
				.bind("region", code)
				.bind("year", year)
				.map(RegionTypes::figures)
				.all()
				.collectList()
				.map((types) -> new AtVersion(version, types))));
	}

	private static TypeFigures figures(Readable row) {
		return new TypeFigures(row.get("type", String.class), number(row, "activities"), number(row, "completed"),
				number(row, "budget_idr"), number(row, "disbursed_idr"), List.of());
	}

	private static long number(Readable row, String column) {
		Long value = row.get(column, Long.class);
		return value == null ? 0 : value;
	}

}
