package org.kotaku.portal.listing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.TestDatabase;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Streamed exports are bounded per client and overall: past {@code max-per-client} a
 * client gets 429, past {@code max-concurrent} anyone gets 503, both with Retry-After;
 * slots come back when the exports end. The exports are held open by a lock on the table
 * they read (as a slow database or client would hold them).
 */
@IntegrationTest
@WithTinyDemo(readModel = true)
@TestPropertySource(properties = { "portal.exports.max-per-client=1", "portal.exports.max-concurrent=2",
		"portal.http.trusted-proxies=127.0.0.1" })
class ExportLimitIntegrationTests {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Autowired
	ExportLimitFilter exports;

	@Test
	void exportsPastTheirLimitsAreRefusedWithRetryAfterAndSlotsComeBack() throws Exception {
		CompletableFuture<HttpResponse<String>> first;
		CompletableFuture<HttpResponse<String>> second;
		try (Connection holder = TestDatabase.shared().connect(); Statement s = holder.createStatement()) {
			holder.setAutoCommit(false);
			s.execute("lock table activity in access exclusive mode");
			first = export("10.0.0.1");
			await().atMost(Duration.ofSeconds(20)).until(() -> this.exports.running() == 1);
			HttpResponse<String> again = export("10.0.0.1").join();
			assertThat(again.statusCode()).as(again.body()).isEqualTo(429);
			assertThat(again.headers().firstValue("Retry-After")).hasValue("10");
			assertThat(again.body()).contains("portal.exports.max-per-client").contains("/downloads");

			second = export("10.0.0.2");
			await().atMost(Duration.ofSeconds(20)).until(() -> this.exports.running() == 2);
			HttpResponse<String> third = export("10.0.0.3").join();
			assertThat(third.statusCode()).as(third.body()).isEqualTo(503);
			assertThat(third.headers().firstValue("Retry-After")).hasValue("10");
			assertThat(third.body()).contains("portal.exports.max-concurrent");
			holder.rollback();
		}
		assertThat(first.join().statusCode()).isEqualTo(200);
		assertThat(second.join().statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.exports.running() == 0);
		assertThat(export("10.0.0.1").join().statusCode()).isEqualTo(200);
		// the slot is given back once the server has finished the answer, which can be
		// just after the client has read its last byte
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.exports.running()).isZero());
	}

	private CompletableFuture<HttpResponse<String>> export(String client) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/activities?limit=all&format=csv"))
			.header("X-Forwarded-For", client)
			.timeout(Duration.ofSeconds(60))
			.build();
		return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
	}

}
