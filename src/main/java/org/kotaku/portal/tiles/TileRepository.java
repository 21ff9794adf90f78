package org.kotaku.portal.tiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Mapbox Vector Tiles made by PostGIS ({@code ST_AsMVT}) from the canonical tables
 * (activity clusters from their pre-aggregates {@code activity_tile_cell} and, for a year
 * or types, {@code activity_tile_cell_year_type}; region metrics and the regions of a
 * {@code level=&parent=} tile once per data version from {@link RegionMetrics}); the
 * statements live in {@code sql/tiles/}. A tile with no feature is an empty byte array.
 */
@Repository
class TileRepository {

	/** Regencies replace provinces from this zoom on. */
	static final int REGENCY_ZOOM = 6;

	/**
	 * Activities are single points from this zoom on, clusters below it; the clusters of
	 * zoom 11 are the cells of {@code activity_tile_cell} (zoom 15, its finest level), so
	 * this cannot grow without a finer cell grid (migration V41).
	 */
	static final int ACTIVITY_POINT_ZOOM = 12;

	/**
	 * Where the activity statements take the conditions of a filter (fixed text; the
	 * values are bound).
	 */
	private static final String FILTER = "/*filter*/";

	private final DatabaseClient db;

	private final RegionMetrics metrics;

	private final String regionsByZoom;

	private final String regionsListed;

	private final String slumAreas;

	private final String activities;

	private final String activityClusters;

	TileRepository(DatabaseClient db, RegionMetrics metrics) {
		this.db = db;
		this.metrics = metrics;
		String bounds = sql("regions");
		String features = sql("regions-features");
		this.regionsByZoom = bounds + sql("regions-by-zoom") + features;
		this.regionsListed = bounds + sql("regions-listed") + features;
		this.slumAreas = sql("slum-areas");
		this.activities = sql("activities");
		this.activityClusters = sql("activity-clusters");
	}

	/**
	 * Checks a filter against the data: a 404 problem when it names an unknown region.
	 */
	void requireKnown(TileFilter filter) {
		this.metrics.requireKnown(filter);
	}

	/**
	 * The tile of a layer with a filter at an address and data version, as MVT bytes
	 * (empty when no feature falls in it).
	 */
	Mono<byte[]> findTile(TileLayer layer, TileFilter filter, TileAddress address, long version) {
		return switch (layer) {
			case REGIONS ->
				(filter.level() == null) ? regionsByZoom(address, version) : regionsListed(filter, address, version);
			case SLUM_AREAS -> tile(query(this.slumAreas, address));
			case ACTIVITIES -> activities(filter, address);
		};
	}

	private Mono<byte[]> regionsByZoom(TileAddress address, long version) {
		int level = address.z() < REGENCY_ZOOM ? 1 : 2;
		return this.metrics.of(version, level)
			.flatMap((m) -> tile(withMetrics(query(this.regionsByZoom, address), m).bind("level", level)));
	}

	private Mono<byte[]> regionsListed(TileFilter filter, TileAddress address, long version) {
		return this.metrics.listed(version, filter.level(), filter.parent())
			.flatMap((listed) -> tile(
					withMetrics(query(this.regionsListed, address), listed.metrics()).bind("places", listed.codes())
						.bind("lon", listed.lon())
						.bind("lat", listed.lat())));
	}

	private static DatabaseClient.GenericExecuteSpec withMetrics(DatabaseClient.GenericExecuteSpec spec,
			RegionMetrics.Level m) {
		return spec.bind("codes", m.codes())
			.bind("planned", m.planned())
			.bind("disbursed", m.disbursed())
			.bind("baseline", m.baseline())
			.bind("reduced", m.reduced());
	}

	/**
	 * Points from {@link #ACTIVITY_POINT_ZOOM} on, clusters below it: from
	 * {@code activity_tile_cell} without a filter, from
	 * {@code activity_tile_cell_year_type} (the same cells per regency, year and type)
	 * with one.
	 */
	private Mono<byte[]> activities(TileFilter filter, TileAddress address) {
		boolean points = address.z() >= ACTIVITY_POINT_ZOOM;
		String prefix = points ? "a." : "c.";
		StringBuilder conditions = new StringBuilder();
		if (filter.year() != null) {
			conditions.append(" and ").append(prefix).append("fiscal_year = :year");
		}
		if (!filter.types().isEmpty()) {
			conditions.append(" and ").append(prefix).append("type = any(:types)");
		}
		String sql = points ? this.activities : this.activityClusters;
		if (!points && !filter.isEmpty()) {
			sql = sql.replace("from activity_tile_cell c", "from activity_tile_cell_year_type c");
		}
		var spec = query(sql.replace(FILTER, conditions), address);
		if (!points) {
			spec = spec.bind("level", cellZoom(address.z()));
		}
		if (filter.year() != null) {
			spec = spec.bind("year", filter.year());
		}
		if (!filter.types().isEmpty()) {
			spec = spec.bind("types", filter.types().toArray(String[]::new));
		}
		return tile(spec);
	}

	private static Mono<byte[]> tile(DatabaseClient.GenericExecuteSpec spec) {
		return spec.map((row) -> bytes(row.get("tile", ByteBuffer.class))).one().defaultIfEmpty(new byte[0]);
	}

	private DatabaseClient.GenericExecuteSpec query(String sql, TileAddress address) {
		return this.db.sql(sql).bind("z", address.z()).bind("x", address.x()).bind("y", address.y());
	}

	/**
	 * The level of {@code activity_tile_cell} whose cells nest in the clusters of a zoom
	 * (tiles of zoom z + 4).
	 */
	static int cellZoom(int z) {
		return (z + 4 <= 9) ? 9 : (z + 4 <= 12) ? 12 : 15;
	}

	private static byte[] bytes(ByteBuffer buffer) {
		if (buffer == null) {
			return new byte[0];
		}
		byte[] bytes = new byte[buffer.remaining()];
		buffer.get(bytes);
		return bytes;
	}

	static String sql(String name) {
		try (var in = new ClassPathResource("sql/tiles/" + name + ".sql").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("missing tile statement " + name, ex);
		}
	}

}
