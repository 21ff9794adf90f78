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
 * pre-aggregate {@code activity_tile_cell}); the statements live in {@code sql/tiles/}. A tile with no feature is an empty byte array.
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

	private final String provinces;

	private final String regencies;

	private final String slumAreas;

	private final String activities;

	private final String activityClusters;

	TileRepository(DatabaseClient db) {
		this.db = db;
		String regions = sql("regions");
		this.provinces = regions.formatted(2, "left(s.regency_code, 2)");
		this.regencies = regions.formatted(5, "s.regency_code");
		this.slumAreas = sql("slum-areas");
		this.activities = sql("activities");
		this.activityClusters = sql("activity-clusters");
	}

	/** The tile of a layer at an address, as MVT bytes (empty when no feature falls in it). */
	Mono<byte[]> findTile(TileLayer layer, TileAddress address) {
		var spec = this.db.sql(statement(layer, address))
			.bind("z", address.z())
			.bind("x", address.x())
			.bind("y", address.y());
		if (layer == TileLayer.REGIONS) {
			spec = spec.bind("level", address.z() < REGENCY_ZOOM ? 1 : 2);
		}
		else if (layer == TileLayer.ACTIVITIES && address.z() < ACTIVITY_POINT_ZOOM) {
			spec = spec.bind("level", cellZoom(address.z()));
		}
		return spec.map((row) -> bytes(row.get("tile", ByteBuffer.class))).one().defaultIfEmpty(new byte[0]);
	}

	/** The level of {@code activity_tile_cell} whose cells nest in the clusters of a zoom (tiles of zoom z + 4). */
	static int cellZoom(int z) {
		return (z + 4 <= 9) ? 9 : (z + 4 <= 12) ? 12 : 15;
	}

	private String statement(TileLayer layer, TileAddress address) {
		return switch (layer) {
			case REGIONS -> address.z() < REGENCY_ZOOM ? this.provinces : this.regencies;
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

	private static String sql(String name) {
		try (var in = new ClassPathResource("sql/tiles/" + name + ".sql").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("missing tile statement " + name, ex);
		}
	}

}
