package org.kotaku.portal.imports;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import org.kotaku.portal.PortalApplication;
import org.kotaku.portal.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented commands, run as from the command line against an empty database of
 * their own: the region import loads every one of the 91,599 Kemendagri codes of
 * ../shared/data with both boundary files, and the key admin creates a key (printed once,
 * stored as a hash) and revokes it.
 */
class ImportCommandIntegrationTests {

	@Test
	void importsAllCodesAndBothBoundaryFilesThenManagesKeys() throws Exception {
		TestDatabase database = TestDatabase.create();
		assertThat(PortalApplication.runCommand(args(database, "--portal.import.regions=../shared/data"))).isZero();
		try (Connection c = database.connect(); Statement s = c.createStatement()) {
			assertThat(count(s, "select count(*) from region")).isEqualTo(91_599);
			assertThat(count(s, "select count(*) from region where level = 4")).isEqualTo(83_762);
			assertThat(count(s, "select count(*) from region where level = 1 and geom is not null")).isEqualTo(38);
			assertThat(count(s, "select count(*) from region where level = 2 and geom is not null")).isEqualTo(514);
			assertThat(count(s, "select count(*) from region where type = 'desa_adat'")).isEqualTo(14);
			assertThat(count(s, "select rows_inserted from ingest_batch where source = 'region-files'"))
				.isEqualTo(91_599);
		}

		String output = captured(() -> PortalApplication.runCommand(
				args(database, "--portal.admin.create-key=village-mis", "--portal.admin.datasets=activities,regions")));
		String key = output.lines().filter((l) -> l.startsWith("ktk_")).findFirst().orElseThrow();
		try (Connection c = database.connect(); Statement s = c.createStatement()) {
			assertThat(count(s,
					"select count(*) from ingest_key where source = 'village-mis' and revoked_at is null "
							+ "and datasets = array['activities', 'regions'] and key_hash = encode(sha256(convert_to('"
							+ key + "', 'UTF8')), 'hex')"))
				.isEqualTo(1);
			long id = count(s, "select id from ingest_key where source = 'village-mis'");
			assertThat(PortalApplication.runCommand(args(database, "--portal.admin.revoke-key=" + id))).isZero();
			assertThat(count(s, "select count(*) from ingest_key where revoked_at is not null")).isEqualTo(1);
		}
		assertThat(PortalApplication
			.runCommand(args(database, "--portal.admin.create-key=x", "--portal.admin.datasets=villages")))
			.isEqualTo(1);
	}

	private static String[] args(TestDatabase database, String... command) {
		String[] connection = { "--spring.r2dbc.url=" + database.r2dbcUrl(),
				"--spring.flyway.url=" + database.jdbcUrl(), "--spring.r2dbc.username=" + TestDatabase.USER,
				"--spring.r2dbc.password=" + TestDatabase.PASSWORD, "--spring.flyway.user=" + TestDatabase.USER,
				"--spring.flyway.password=" + TestDatabase.PASSWORD };
		String[] all = new String[connection.length + command.length];
		System.arraycopy(connection, 0, all, 0, connection.length);
		System.arraycopy(command, 0, all, connection.length, command.length);
		return all;
	}

	private static String captured(java.util.function.IntSupplier command) {
		PrintStream original = System.out;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		try {
			assertThat(command.getAsInt()).isZero();
		}
		finally {
			System.setOut(original);
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	private static long count(Statement s, String query) throws Exception {
		try (ResultSet rows = s.executeQuery(query)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
