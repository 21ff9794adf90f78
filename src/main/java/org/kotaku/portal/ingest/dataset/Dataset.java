package org.kotaku.portal.ingest.dataset;

import java.util.Arrays;
import java.util.Optional;

/**
 * The datasets that ingestion accepts, by their public name in
 * {@code /internal/v1/ingest/{dataset}}.
 */
public enum Dataset {

	REGIONS("regions"), SLUM_AREAS("slum-areas"), ASSESSMENTS("assessments"), ACCESS_INDICATORS("access-indicators"),
	ALLOCATIONS("allocations"), ACTIVITIES("activities");

	private final String publicName;

	Dataset(String publicName) {
		this.publicName = publicName;
	}

	public String publicName() {
		return this.publicName;
	}

	public static Optional<Dataset> fromPublicName(String name) {
		return Arrays.stream(values()).filter((d) -> d.publicName.equals(name)).findFirst();
	}

}
