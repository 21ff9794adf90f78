package org.kotaku.portal.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.catalog.Field;
import org.kotaku.portal.catalog.FieldType;
import org.kotaku.portal.httpcache.VersionedCache;
import org.kotaku.portal.httpcache.VersionedCaches;
import org.kotaku.portal.readmodel.ReadModel;
import org.kotaku.portal.readmodel.SnapshotSwapped;

/**
 * Reads the {@link DatasetFacts} of every catalog dataset, one query per dataset built
 * from its descriptor (its FROM clause, time field and geometry: SQL fixed by code; the
 * ingestion dataset names are bound). The result is kept per data version and read again,
 * off the request path, whenever the read model moves to a new version.
 */
@Repository
class DatasetFactsRepository {

	private static final String FACTS = """
			select records, start_on, end_on, ST_XMin(extent) as west, ST_YMin(extent) as south,
			       ST_XMax(extent) as east, ST_YMax(extent) as north,
			       (select max(b.committed_at) from ingest_batch b where b.dataset = any(:sources)) as modified
			from (select count(*) as records, %s as start_on, %s as end_on, %s as extent from %s) facts""";

	private final DatabaseClient db;

	private final ReadModel readModel;

	private final VersionedCache<String, Map<String, DatasetFacts>> cache;

	DatasetFactsRepository(DatabaseClient db, ReadModel readModel, VersionedCaches caches) {
		this.db = db;
		this.cache = caches.bySize("dataset-facts", 4);
		this.readModel = readModel;
	}

	/**
	 * The facts of every dataset at the current data version, keyed by dataset id, in
	 * catalog order.
	 */
	Mono<Map<String, DatasetFacts>> current() {
		return this.cache.get(this.readModel.servedVersion(), "all", (key) -> readAll());
	}

	@EventListener
	void warm(SnapshotSwapped swapped) {
		current().subscribe();
	}

	private Mono<Map<String, DatasetFacts>> readAll() {
		Mono<DatasetFacts> regions = read(Catalog.REGIONS, null);
		return regions.flatMap((regionFacts) -> Flux.fromIterable(Catalog.all())
			.concatMap((dataset) -> (dataset == Catalog.REGIONS) ? Mono.just(regionFacts)
					: read(dataset, regionFacts.extent()))
			.collectList()
			.map((facts) -> {
				Map<String, DatasetFacts> byId = new LinkedHashMap<>();
				for (int i = 0; i < facts.size(); i++) {
					byId.put(Catalog.all().get(i).id(), facts.get(i));
				}
				return byId;
			}));
	}

	private Mono<DatasetFacts> read(Dataset dataset, DatasetFacts.BoundingBox fallbackExtent) {
		return this.db.sql(factsSql(dataset))
			.bind("sources", dataset.sources().toArray(String[]::new))
			.map((row) -> facts(row, fallbackExtent))
			.one();
	}

	static String factsSql(Dataset dataset) {
		Optional<Field> time = timeField(dataset);
		String start = time.map((f) -> (f.type() == FieldType.DATE) ? "min(" + f.sql() + ")::date"
				: "make_date(min(" + f.sql() + ")::int, 1, 1)")
			.orElse("null::date");
		String end = time.map((f) -> (f.type() == FieldType.DATE) ? "max(" + f.sql() + ")::date"
				: "make_date(max(" + f.sql() + ")::int, 12, 31)")
			.orElse("null::date");
		String extent = dataset.hasGeometry() ? "ST_Extent(" + dataset.geometry() + ")" : "null::box2d";
		return FACTS.formatted(start, end, extent, dataset.from());
	}

	/**
	 * The field that dates a record: its fiscal or assessment year, else its first date.
	 */
	static Optional<Field> timeField(Dataset dataset) {
		Optional<Field> year = dataset.fields()
			.stream()
			.filter((f) -> f.type() == FieldType.INTEGER && (f.name().equals("fiscalYear") || f.name().equals("year")))
			.findFirst();
		return year.or(() -> dataset.fields().stream().filter((f) -> f.type() == FieldType.DATE).findFirst());
	}

	private static DatasetFacts facts(Readable row, DatasetFacts.BoundingBox fallbackExtent) {
		Double west = row.get("west", Double.class);
		DatasetFacts.BoundingBox extent = (west == null) ? fallbackExtent : new DatasetFacts.BoundingBox(west,
				row.get("south", Double.class), row.get("east", Double.class), row.get("north", Double.class));
		Instant modified = Optional.ofNullable(row.get("modified", java.time.OffsetDateTime.class))
			.map(java.time.OffsetDateTime::toInstant)
			.orElse(null);
		return new DatasetFacts(row.get("records", Long.class), modified, row.get("start_on", LocalDate.class),
				row.get("end_on", LocalDate.class), extent);
	}

}
