package org.kotaku.portal.ingest.dataset;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The {@link DatasetSpec} of each dataset; assessments need the slum scoring rules from
 * the database.
 */
@Component
public class DatasetSpecs {

	private final Mono<SlumScoring> scoring;

	DatasetSpecs(SlumScoringRepository scoringRepository) {
		// cached once loaded; a failed load (database down) is retried on the next batch
		this.scoring = scoringRepository.load()
			.cache((v) -> Duration.ofDays(3650), (e) -> Duration.ZERO, () -> Duration.ZERO);
	}

	/**
	 * How a batch of {@code dataset} is read and merged, with invalid polygons repaired
	 * or refused.
	 */
	public Mono<DatasetSpec> spec(Dataset dataset, boolean repairGeometries) {
		return switch (dataset) {
			case REGIONS -> Mono.just(new RegionRows(repairGeometries));
			case SLUM_AREAS -> Mono.just(new SlumAreaRows(repairGeometries));
			case ASSESSMENTS -> this.scoring.map(AssessmentRows::new);
			case ACCESS_INDICATORS -> Mono.just(new AccessIndicatorRows());
			case ALLOCATIONS -> Mono.just(new AllocationRows());
			case ACTIVITIES -> Mono.just(new ActivityRows());
		};
	}

}
