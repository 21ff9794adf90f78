package org.kotaku.portal.bulk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.catalog.Field;
import org.kotaku.portal.catalog.FieldType;
import org.kotaku.portal.listing.FileRow;

/**
 * A dataset as an OGC GeoPackage 1.3 (an SQLite file, written with the SQLite JDBC
 * driver, which bundles the reference SQLite): one table named after the dataset, a
 * feature table with a {@code geom} column (GeoPackage binary: header and ISO WKB,
 * EPSG:4326) where records have a location, else an attributes table; columns are the
 * catalog's fields with SQLite types. Rows are inserted in batches within one
 * transaction, so memory stays bounded whatever the size. Blocking: never on an event
 * loop.
 */
final class GeoPackage implements AutoCloseable {

	private static final int GPKG_APPLICATION_ID = 0x47504B47;

	/**
	 * GeoPackage 1.3: what this writes is valid 1.3 and 1.4, and GDAL 3.6 (Debian 12)
	 * reads 1.3 without a warning.
	 */
	private static final int GPKG_VERSION = 10300;

	private static final int BATCH = 1000;

	private static final String WGS84 = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
			+ "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\","
			+ "\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]";

	private final Dataset dataset;

	private final Connection connection;

	private final PreparedStatement insert;

	private final Envelope extent = new Envelope();

	private final WKBReader wkb = new WKBReader();

	private long rows;

	GeoPackage(Path file, Dataset dataset) throws SQLException {
		this.dataset = dataset;
		this.connection = DriverManager.getConnection("jdbc:sqlite:" + file);
		try (Statement s = this.connection.createStatement()) {
			s.execute("pragma application_id = " + GPKG_APPLICATION_ID);
			s.execute("pragma user_version = " + GPKG_VERSION);
			s.execute("pragma journal_mode = off");
			s.execute("pragma synchronous = off");
			createMetadataTables(s);
			s.execute(createTable());
		}
		this.connection.setAutoCommit(false);
		this.insert = this.connection.prepareStatement(insertSql());
	}

	void add(FileRow row) throws SQLException {
		int column = 1;
		if (this.dataset.hasGeometry()) {
			this.insert.setBytes(column++, row.wkb() == null ? null : geometry(row.wkb()));
		}
		// the values come in field order: walking both together spares a map lookup per
		// cell
		java.util.Iterator<Object> values = row.row().values().values().iterator();
		for (Field field : this.dataset.fields()) {
			bind(column++, field, values.next());
		}
		this.insert.addBatch();
		if (++this.rows % BATCH == 0) {
			this.insert.executeBatch();
		}
	}

	long rows() {
		return this.rows;
	}

	/** Writes the contents row (with the extent of the geometries) and commits. */
	void finish() throws SQLException {
		this.insert.executeBatch();
		try (PreparedStatement contents = this.connection.prepareStatement("""
				insert into gpkg_contents (table_name, data_type, identifier, description, last_change,
				                           min_x, min_y, max_x, max_y, srs_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
			boolean features = this.dataset.hasGeometry();
			contents.setString(1, this.dataset.id());
			contents.setString(2, features ? "features" : "attributes");
			contents.setString(3, this.dataset.title().en());
			contents.setString(4, this.dataset.description().en());
			contents.setString(5, Instant.now().toString());
			for (int i = 0; i < 4; i++) {
				if (features && !this.extent.isNull()) {
					contents.setDouble(6 + i, new double[] { this.extent.getMinX(), this.extent.getMinY(),
							this.extent.getMaxX(), this.extent.getMaxY() }[i]);
				}
				else {
					contents.setNull(6 + i, Types.DOUBLE);
				}
			}
			if (features) {
				contents.setInt(10, 4326);
			}
			else {
				contents.setNull(10, Types.INTEGER);
			}
			contents.executeUpdate();
		}
		if (this.dataset.hasGeometry()) {
			try (PreparedStatement columns = this.connection
				.prepareStatement("insert into gpkg_geometry_columns values (?, 'geom', 'GEOMETRY', 4326, 0, 0)")) {
				columns.setString(1, this.dataset.id());
				columns.executeUpdate();
			}
		}
		this.connection.commit();
	}

	@Override
	public void close() throws SQLException {
		try {
			this.insert.close();
		}
		finally {
			this.connection.close();
		}
	}

	private static void createMetadataTables(Statement s) throws SQLException {
		s.execute("""
				create table gpkg_spatial_ref_sys (srs_name text not null, srs_id integer primary key,
				  organization text not null, organization_coordsys_id integer not null, definition text not null,
				  description text)""");
		s.execute("insert into gpkg_spatial_ref_sys values ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', "
				+ "'undefined cartesian coordinate reference system')");
		s.execute("insert into gpkg_spatial_ref_sys values ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', "
				+ "'undefined geographic coordinate reference system')");
		s.execute("insert into gpkg_spatial_ref_sys values ('WGS 84 geodetic', 4326, 'EPSG', 4326, '" + WGS84
				+ "', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')");
		s.execute("""
				create table gpkg_contents (table_name text not null primary key, data_type text not null,
				  identifier text unique, description text default '',
				  last_change datetime not null default (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
				  min_x double, min_y double, max_x double, max_y double, srs_id integer,
				  constraint fk_gc_r_srs_id foreign key (srs_id) references gpkg_spatial_ref_sys(srs_id))""");
		s.execute("""
				create table gpkg_geometry_columns (table_name text not null, column_name text not null,
				  geometry_type_name text not null, srs_id integer not null, z tinyint not null, m tinyint not null,
				  constraint pk_geom_cols primary key (table_name, column_name),
				  constraint fk_gc_tn foreign key (table_name) references gpkg_contents(table_name),
				  constraint fk_gc_srs foreign key (srs_id) references gpkg_spatial_ref_sys (srs_id))""");
	}

	private String createTable() {
		String columns = this.dataset.fields()
			.stream()
			.map((f) -> quote(f.name()) + " " + sqliteType(f) + (f.isRequired() ? " not null" : ""))
			.collect(Collectors.joining(", "));
		String geometry = this.dataset.hasGeometry() ? "geom blob, " : "";
		return "create table " + quote(this.dataset.id()) + " (fid integer primary key autoincrement, " + geometry
				+ columns + ")";
	}

	private String insertSql() {
		List<String> names = new java.util.ArrayList<>();
		if (this.dataset.hasGeometry()) {
			names.add("geom");
		}
		this.dataset.fields().forEach((f) -> names.add(quote(f.name())));
		return "insert into " + quote(this.dataset.id()) + " (" + String.join(", ", names) + ") values ("
				+ names.stream().map((n) -> "?").collect(Collectors.joining(", ")) + ")";
	}

	private static String sqliteType(Field field) {
		return switch (field.type()) {
			case INTEGER, MONEY -> "integer";
			case DECIMAL -> "double";
			case DATE -> "date";
			case BOOLEAN -> "boolean";
			default -> "text";
		};
	}

	private void bind(int column, Field field, Object value) throws SQLException {
		if (value == null) {
			this.insert.setObject(column, null);
			return;
		}
		switch (field.type()) {
			case INTEGER, MONEY -> this.insert.setLong(column, ((Number) value).longValue());
			case DECIMAL -> this.insert.setDouble(column, ((Number) value).doubleValue());
			case BOOLEAN -> this.insert.setInt(column, Boolean.TRUE.equals(value) ? 1 : 0);
			case STRING_LIST -> this.insert.setString(column, FieldType.listText((List<?>) value));
			default -> this.insert.setString(column, value.toString());
		}
	}

	/**
	 * GeoPackage binary (GeoPackage 1.3, 2.1.3): "GP", version 0, flags (little-endian,
	 * no envelope), the SRS id, then the ISO WKB; the geometry's envelope widens the
	 * table's extent.
	 */
	private byte[] geometry(byte[] isoWkb) {
		try {
			this.extent.expandToInclude(this.wkb.read(isoWkb).getEnvelopeInternal());
		}
		catch (ParseException ex) {
			throw new IllegalStateException("PostGIS returned WKB that does not parse", ex);
		}
		ByteBuffer blob = ByteBuffer.allocate(8 + isoWkb.length).order(ByteOrder.LITTLE_ENDIAN);
		blob.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 0b0000_0001).putInt(4326).put(isoWkb);
		return blob.array();
	}

	private static String quote(String name) {
		return '"' + name + '"';
	}

}
