package org.kotaku.portal.ogc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.TestDatabase;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GDAL's OGC API - Features client (the {@code OAPIF} driver of gdal-bin, which QGIS also
 * uses) against the running portal: ogrinfo lists the collections and ogr2ogr downloads
 * every activity into a GeoPackage. The binaries must be installed (scripts/test.sh
 * installs gdal-bin); a missing binary fails the test.
 */
@IntegrationTest
@WithTinyDemo
class GdalClientIntegrationTests {

	@LocalServerPort
	int port;

	@TempDir
	Path folder;

	@Test
	void ogrinfoListsTheCollections() throws Exception {
		String out = run(List.of("ogrinfo", "-ro", "-q", service()));
		assertThat(out).contains("provinces", "regencies", "villages", "slum-areas", "activities", "allocations",
				"access-indicators", "decrees", "assessments", "assessment-scores", "disbursements");
	}

	@Test
	void ogrinfoReadsTheRecordCollectionsWithAndWithoutGeometry() throws Exception {
		String allocations = run(List.of("ogrinfo", "-ro", "-so", service(), "allocations"));
		assertThat(allocations).contains("Geometry: Point").contains("ceilingIdr").contains("program");
		assertThat(featureCount(allocations)).isEqualTo(count("allocation"));
		String decrees = run(List.of("ogrinfo", "-ro", "-so", service(), "decrees"));
		assertThat(decrees).contains("number").contains("decreeDate").contains("issuer");
		assertThat(featureCount(decrees)).isEqualTo(count("slum_decree"));
		// a full read: every tranche arrives, each without a geometry
		String tranches = run(List.of("ogrinfo", "-ro", "-al", "-q", service(), "disbursements"));
		assertThat(Pattern.compile("OGRFeature\\(disbursements\\)").matcher(tranches).results().count())
			.isEqualTo(count("disbursement"));
		assertThat(tranches).contains("amountIdr (Integer").doesNotContain("POINT");
	}

	private static long featureCount(String ogrinfo) {
		Matcher count = Pattern.compile("Feature Count: (\\d+)").matcher(ogrinfo);
		assertThat(count.find()).as("ogrinfo output: %s", ogrinfo).isTrue();
		return Long.parseLong(count.group(1));
	}

	@Test
	void ogr2ogrDownloadsEveryActivity() throws Exception {
		Path gpkg = this.folder.resolve("out.gpkg");
		run(List.of("ogr2ogr", "-f", "GPKG", gpkg.toString(), service(), "activities"));
		String info = run(List.of("ogrinfo", "-ro", "-so", gpkg.toString(), "activities"));
		assertThat(featureCount(info)).isEqualTo(count("activity"));
		assertThat(info).contains("fiscalYear").contains("budgetIdr").contains("Point");
	}

	@Test
	void ogrinfoSendsAQueryableFilterToTheServer() throws Exception {
		// GDAL reads a layer's queryables from the API definition's path
		// /collections/{name}/items (relative to
		// the landing page); a filter on one goes into the request instead of being
		// evaluated on every feature
		String out = run(List.of("ogrinfo", "-ro", "-so", "--config", "CPL_DEBUG", "ON", service(), "activities",
				"-where", "fiscalYear = 2021"));
		assertThat(out).containsPattern("Fetch\\(\\S+/ogc/collections/activities/items\\?\\S*fiscalYear=2021");
	}

	private String service() {
		return "OAPIF:http://127.0.0.1:" + this.port + "/ogc";
	}

	private String run(List<String> command) throws Exception {
		Path log = this.folder.resolve("gdal.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		boolean finished = process.waitFor(5, TimeUnit.MINUTES);
		String out = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(finished).as("%s finished", command).isTrue();
		assertThat(process.exitValue()).as("%s exit code; output: %s", command, out).isZero();
		return out;
	}

	/** The rows of a table (a fixed name of this test). */
	private static long count(String table) throws Exception {
		try (Connection c = TestDatabase.shared().connect();
				Statement s = c.createStatement();
				ResultSet rows = s.executeQuery("select count(*) from " + table)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
