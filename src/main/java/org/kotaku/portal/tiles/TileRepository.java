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
 * Mapbox Vector Tiles made by PostGIS ({@code ST_AsMVT}) from the canonical tables (activity clusters from their
 * pre-aggregate {@code activity_tile_cell}, region metrics once per data version from {@link RegionMetrics}); the
 * statements live in {@code sql/tiles/}. A tile with no feature is an empty byte array.
 */
@Repository
class TileRepository {

	/** Regencies replace provinces from this zoom on. */
	static final int REGENCY_ZOOM = 6;

	/**
	 * Activities are single points from this zoom on, clusters below it; the clusters of zoom 11 are the cells of
	 * {@code activity_tile_cell} (zoom 15, its finest level), so this cannot grow without a finer cell grid (migration V41).
	 */
	static final int ACTIVITY_POINT_ZOOM = 12;

	private final DatabaseClient db;

	private final RegionMetrics metrics;

	private final String regions;

	private final String slumAreas;

	private final String activities;

	private final String activityClusters;

	TileRepository(DatabaseClient db, RegionMetrics metrics) {
		this.db = db;
		this.metrics = metrics;
		this.regions = sql("regions");
		this.slumAreas = sql("slum-areas");
		this.activities = sql("activities");
		this.activityClusters = sql("activity-clusters");
	}

	/** The tile of a layer at an address and data version, as MVT bytes (empty when no feature falls in it). */
	Mono<byte[]> findTile(TileLayer layer, TileAddress address, long version) {
		if (layer == TileLayer.REGIONS) {
			int level = address.z() < REGENCY_ZOOM ? 1 : 2;
			return this.metrics.of(version, level)
				.flatMap((m) -> query(layer, address).bind("level", level)
					.bind("codes", m.codes())
					.bind("planned", m.planned())
					.bind("disbursed", m.disbursed())
					.bind("baseline", m.baseline())
					.bind("reduced", m.reduced())
					.map((row) -> bytes(row.get("tile", ByteBuffer.class)))
					.one())
				.defaultIfEmpty(new byte[0]);
		}
		var spec = query(layer, address);
		if (layer == TileLayer.ACTIVITIES && address.z() < ACTIVITY_POINT_ZOOM) {
			spec = spec.bind("level", cellZoom(address.z()));
		}
		return spec.map((row) -> bytes(row.get("tile", ByteBuffer.class))).one().defaultIfEmpty(new byte[0]);
	}

	private DatabaseClient.GenericExecuteSpec query(TileLayer layer, TileAddress address) {
		return this.db.sql(statement(layer, address))
			.bind("z", address.z())
			.bind("x", address.x())
			.bind("y", address.y());
	}

	/** The level of {@code activity_tile_cell} whose cells nest in the clusters of a zoom (tiles of zoom z + 4). */
	static int cellZoom(int z) {
		return (z + 4 <= 9) ? 9 : (z + 4 <= 12) ? 12 : 15;
	}

	private String statement(TileLayer layer, TileAddress address) {
		return switch (layer) {
			case REGIONS -> this.regions;
			case SLUM_AREAS -> this.slumAreas;
			case ACTIVITIES -> address.z() < ACTIVITY_POINT_ZOOM ? this.activityClusters : this.activities;
		};
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
