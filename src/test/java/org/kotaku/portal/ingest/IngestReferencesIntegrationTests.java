package org.kotaku.portal.ingest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.kotaku.portal.demo.DemoDataset;
import org.kotaku.portal.demo.DemoScale;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.TinyDemo;
import org.kotaku.portal.support.WithTinyDemo;
import org.kotaku.portal.ingest.batch.BatchReport;
import org.kotaku.portal.ingest.batch.IngestRequest;
import org.kotaku.portal.ingest.dataset.Dataset;
import org.kotaku.portal.ingest.pipeline.IngestConflictException;
import org.kotaku.portal.ingest.pipeline.IngestValidationException;
import org.kotaku.portal.ingest.validation.RowError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Activities carry no foreign keys (migration V50): ingestion checks their references in
 * the staged batch, and refuses to delete a slum area, allocation or village that
 * activities still refer to.
 */
@IntegrationTest
@WithTinyDemo
class IngestReferencesIntegrationTests {

	@Autowired
	IngestService ingest;

	@Autowired
	DatabaseClient db;

	@Test
	void deletingAnAllocationThatActivitiesReferToIsRefusedAndChangesNothing() {
		Map<String, Object> allocation = template(Dataset.ALLOCATIONS, "REF-ALC-1");
		commit(Dataset.ALLOCATIONS, Flux.just(allocation));
		Map<String, Object> activity = template(Dataset.ACTIVITIES, "REF-ACT-1");
		activity.put("village", allocation.get("village"));
		activity.put("allocationId", "REF-ALC-1");
		activity.remove("slumAreaId");
		commit(Dataset.ACTIVITIES, Flux.just(activity));

		assertThatThrownBy(() -> commit(Dataset.ALLOCATIONS, Flux.just(Map.of("op", "delete", "id", "REF-ALC-1"))))
			.isInstanceOf(IngestConflictException.class)
			.hasMessageContaining("activity REF-ACT-1 still refers to allocation REF-ALC-1");
		assertThat(count("select count(*) from allocation where id = 'REF-ALC-1'")).isEqualTo(1);
		assertThat(count("select count(*) from tombstone where record_id = 'REF-ALC-1'")).isZero();

		commit(Dataset.ACTIVITIES, Flux.just(Map.of("op", "delete", "id", "REF-ACT-1")));
		BatchReport deleted = commit(Dataset.ALLOCATIONS, Flux.just(Map.of("op", "delete", "id", "REF-ALC-1")));
		assertThat(deleted.rowsDeleted()).isEqualTo(1);
	}

	@Test
	void anActivityReferringToAMissingAllocationSlumAreaOrVillageIsARowError() {
		Map<String, Object> activity = template(Dataset.ACTIVITIES, "REF-ACT-2");
		activity.put("allocationId", "NO-SUCH-ALLOCATION");
		activity.put("slumAreaId", "NO-SUCH-SLUM-AREA");
		activity.put("village", "64.71.99.9999");
		assertThatThrownBy(() -> commit(Dataset.ACTIVITIES, Flux.just(activity))).isInstanceOfSatisfying(
				IngestValidationException.class, (ex) -> assertThat(ex.errors()).extracting(RowError::field)
					.containsExactlyInAnyOrder("village", "slumAreaId", "allocationId"));
		assertThat(count("select count(*) from activity where id = 'REF-ACT-2'")).isZero();
	}

	@Test
	void newChangedAndUnchangedRowsAreCountedInOneBatch() {
		Map<String, Object> first = template(Dataset.ACTIVITIES, "REF-ACT-3");
		Map<String, Object> second = template(Dataset.ACTIVITIES, "REF-ACT-4");
		BatchReport created = commit(Dataset.ACTIVITIES, Flux.just(first, second));
		assertThat(created.rowsInserted()).isEqualTo(2);
		Map<String, Object> renamed = new LinkedHashMap<>(second);
		renamed.put("name", "Renamed drainage works");
		BatchReport mixed = commit(Dataset.ACTIVITIES,
				Flux.just(first, renamed, template(Dataset.ACTIVITIES, "REF-ACT-5")));
		assertThat(List.of(mixed.rowsInserted(), mixed.rowsUpdated(), mixed.rowsUnchanged())).containsExactly(1L, 1L,
				1L);
		assertThat(count("select count(*) from activity where id = 'REF-ACT-4' and name = 'Renamed drainage works'"
				+ " and created_version = " + created.dataVersion() + " and updated_version = " + mixed.dataVersion()))
			.isEqualTo(1);
	}

	private BatchReport commit(Dataset dataset, Flux<Map<String, Object>> rows) {
		return this.ingest.ingest(IngestRequest.upsert(dataset, "references-test", false), rows)
			.block(Duration.ofMinutes(1));
	}

	private long count(String sql) {
		return this.db.sql(sql).map((row) -> row.get(0, Long.class)).one().block(Duration.ofSeconds(30));
	}

	private static Map<String, Object> template(Dataset dataset, String id) {
		Map<String, Object> row = new LinkedHashMap<>(
				new DemoDataset(DemoScale.TINY, TinyDemo.SEED).rows(dataset).blockFirst());
		row.put("id", id);
		return row;
	}

}
