package org.kotaku.portal.slum;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.listing.Records;
import org.kotaku.portal.listing.Where;
import org.springframework.stereotype.Component;

/**
 * What a slum area's answer ({@code /api/v1/slum-areas/{id}}) and its page
 * ({@code /kawasan/{id}}) show beside the area itself: the decree that designates it and
 * every assessment of it, newest first, as published records.
 */
@Component
class SlumAreaRecords {

	/**
	 * The decree of slum area {@code :slumAreaId}, over the alias {@code d} of the
	 * decrees' catalog entry.
	 */
	static final String DECREE_OF_AREA = "d.id = (select s.decree_id from slum_area s where s.id = :slumAreaId)";

	/**
	 * @param decree the decree that designates the area, null when none does
	 */
	record Related(Map<String, Object> decree, List<Map<String, Object>> assessments) {
	}

	private final Records records;

	SlumAreaRecords(Records records) {
		this.records = records;
	}

	Mono<Related> of(String id) {
		Where decree = new Where().and(DECREE_OF_AREA, "slumAreaId", id);
		return Mono
			.zip(this.records.records(Catalog.DECREES, decree, "d.id"),
					this.records.records(Catalog.ASSESSMENTS, "slumAreaId", id, Catalog.NEWEST_ASSESSMENT_FIRST))
			.map((both) -> new Related(both.getT1().isEmpty() ? null : both.getT1().get(0), both.getT2()));
	}

}
