package org.kotaku.portal.changes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.kotaku.portal.demo.DemoDataset;
import org.kotaku.portal.demo.DemoScale;
import org.kotaku.portal.ingest.batch.BatchReport;
import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.ingest.batch.IngestRequest;
import org.kotaku.portal.ingest.IngestService;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.TinyDemo;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public change log follows ingestion: batches newest first with their counts and
 * data version, and since a version the ids created, changed and deleted (tombstones),
 * paged with a cursor; the Atom feed lists them.
 */
@IntegrationTest
@WithTinyDemo
class ChangesIntegrationTests {

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	WebTestClient http;

	@Autowired
	IngestService ingest;

	@Test
	void recordsCreatedChangedAndDeletedSinceAVersionArePagedInVersionOrder() {
		long start = version(get("/api/v1/changes"));
		List<Map<String, Object>> rows = activities("C1-", 3);
		BatchReport created = commit(Flux.fromIterable(rows));
		rows.get(1).put("name", "renamed");
		BatchReport changed = commit(Flux.just(rows.get(1), Map.of("op", "delete", "id", "C1-2")));
		assertThat(changed.rowsUpdated()).isEqualTo(1);
		assertThat(changed.rowsDeleted()).isEqualTo(1);

		assertThat(ours(get("/api/v1/changes?since=" + start))).containsExactly(
				List.of("C1-0", "created", created.dataVersion()), List.of("C1-1", "created", changed.dataVersion()),
				List.of("C1-2", "deleted", changed.dataVersion()));
		assertThat(ours(get("/api/v1/changes?since=" + created.dataVersion()))).containsExactly(
				List.of("C1-1", "changed", changed.dataVersion()), List.of("C1-2", "deleted", changed.dataVersion()));

		Map<String, Object> page = get("/api/v1/changes?limit=1&since=" + created.dataVersion());
		assertThat(version(page)).isEqualTo(changed.dataVersion());
		String next = ((Map<?, ?>) page.get("links")).get("next").toString();
		assertThat(ours(page)).hasSize(1);
		assertThat(ours(get(next))).hasSize(1).isNotEqualTo(ours(page));
	}

	@Test
	void batchesAreListedNewestFirstWithPageLinksAndAsAtom() {
		commit(Flux.fromIterable(activities("C2-", 1)));
		Map<String, Object> page = get("/api/v1/changes?limit=2");
		List<?> items = (List<?>) page.get("items");
		assertThat(items).hasSize(2);
		long newest = ((Number) ((Map<?, ?>) items.get(0)).get("dataVersion")).longValue();
		assertThat(newest).isEqualTo(version(page));
		assertThat(((Map<?, ?>) items.get(0)).get("source")).isEqualTo("changes-test");
		assertThat(page.get("asOf")).isNotNull();
		Map<String, Object> older = get(((Map<?, ?>) page.get("links")).get("next").toString());
		long olderFirst = ((Number) ((Map<?, ?>) ((List<?>) older.get("items")).get(0)).get("dataVersion")).longValue();
		assertThat(olderFirst).isLessThan(((Number) ((Map<?, ?>) items.get(1)).get("dataVersion")).longValue());

		this.http.get()
			.uri("/api/v1/changes.atom")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_ATOM_XML)
			.expectBody(String.class)
			.value((xml) -> assertThat(xml).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">")
				.contains("<name>changes-test</name>")
				.contains("updated to data version " + newest));
	}

	@Test
	void badParametersAreProblems() {
		this.http.get()
			.uri("/api/v1/changes?limit=0")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("limit");
		this.http.get().uri("/api/v1/changes?since=-1").exchange().expectStatus().isBadRequest();
		this.http.get().uri("/api/v1/changes?since=1&after=%%%").exchange().expectStatus().isBadRequest();
	}

	private BatchReport commit(Flux<Map<String, Object>> rows) {
		return this.ingest.ingest(IngestRequest.upsert(Dataset.ACTIVITIES, "changes-test", false), rows)
			.block(Duration.ofMinutes(1));
	}

	private Map<String, Object> get(String uri) {
		return this.http.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	private static long version(Map<String, Object> body) {
		return ((Number) body.get("dataVersion")).longValue();
	}

	/** This test's records of a page, as [id, change, version]. */
	private static List<List<Object>> ours(Map<String, Object> page) {
		return ((List<?>) page.get("records")).stream()
			.map((r) -> (Map<?, ?>) r)
			.filter((r) -> r.get("id").toString().startsWith("C1-"))
			.map((r) -> List.<Object>of(r.get("id"), r.get("change"), ((Number) r.get("dataVersion")).longValue()))
			.toList();
	}

	private static List<Map<String, Object>> activities(String prefix, int count) {
		Map<String, Object> template = new DemoDataset(DemoScale.TINY, TinyDemo.SEED).rows(Dataset.ACTIVITIES)
			.blockFirst();
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int n = 0; n < count; n++) {
			Map<String, Object> row = new LinkedHashMap<>(template);
			row.put("id", prefix + n);
			rows.add(row);
		}
		return rows;
	}

}
