package org.kotaku.portal.api;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.kotaku.portal.demo.DemoLoader;
import org.kotaku.portal.ingest.IngestConnections;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.TestDatabase;
import org.kotaku.portal.support.TinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.ReactiveTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code portal.database.statement-timeout}: a public query that keeps the database busy
 * past it is cancelled and answered 503 with Retry-After, while the reads of a whole data
 * version and ingestion run without it.
 */
@IntegrationTest
@TestPropertySource(properties = "portal.database.statement-timeout=1s")
class PublicQueryTimeoutIntegrationTests {

	@Autowired
	WebTestClient http;

	@Autowired
	DemoLoader demo;

	@Autowired
	DatabaseClient db;

	@Autowired
	ConnectionFactory connections;

	@Autowired
	ReactiveTransactionManager transactions;

	@Autowired
	IngestConnections ingestConnections;

	@BeforeEach
	void setUp() {
		TinyDemo.ensureLoaded(this.demo);
	}

	@Test
	void aPublicQueryPastTheLimitIsCancelledAnd503WithRetryAfter() throws Exception {
		try (Connection holder = TestDatabase.shared().connect(); Statement s = holder.createStatement()) {
			holder.setAutoCommit(false);
			s.execute("lock table activity in access exclusive mode"); // every read of
																		// activity now
																		// waits
			long began = System.nanoTime();
			this.http.get()
				.uri("/api/v1/activities?q=jalan")
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.valueEquals("Retry-After", "5")
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("/problems/service-unavailable")
				.jsonPath("$.detail")
				.value((detail) -> assertThat(detail.toString()).contains("portal.database.statement-timeout"));
			assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(8));
			holder.rollback();
		}
		this.http.get().uri("/api/v1/activities?q=jalan").exchange().expectStatus().isOk();
	}

	@Test
	void thePublicPoolHasTheLimitAndWholeVersionReadsAndIngestionDoNot() {
		assertThat(this.db.sql("show statement_timeout").map((row) -> row.get(0, String.class)).one().block())
			.isEqualTo("1s");
		String inConsistentRead = ConsistentRead
			.shared(this.connections, this.transactions, this.db,
					(snapshot) -> snapshot
						.join(this.db.sql("select pg_sleep(1.5)")
							.then()
							.then(this.db.sql("show statement_timeout").map((row) -> row.get(0, String.class)).one()))
						.next())
			.block(Duration.ofSeconds(30));
		assertThat(inConsistentRead).isEqualTo("0");
		String inIngestion = Mono
			.usingWhen(Mono.from(this.ingestConnections.create()),
					(c) -> Flux.from(c.createStatement("show statement_timeout").execute())
						.flatMap((result) -> result.map((row, meta) -> row.get(0, String.class)))
						.next(),
					(c) -> Mono.from(c.close()))
			.block(Duration.ofSeconds(30));
		assertThat(inIngestion).isEqualTo("0");
	}

}
