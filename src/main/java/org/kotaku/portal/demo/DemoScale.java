package org.kotaku.portal.demo;

/**
 * How big the synthetic dataset is. {@code demo}: about 2,000 program villages in 54
 * cities with their full history, loads in seconds. {@code national}: the benchmark
 * fixture of shared/DESIGN.md section 6 (269 regencies, about 11,000 program villages,
 * about 5,000 slum areas, about 1,000,000 activities). {@code tiny}: a handful of cities
 * for tests.
 */
public enum DemoScale {

	TINY(4, 0, 12, 4), DEMO(54, 0, 37, 8), NATIONAL(54, 215, 41, 90);

	final int realRegencies;

	final int syntheticRegencies;

	final int villagesPerRegency;

	/** Activities per program village over 2016-2025, on average. */
	final int activitiesPerVillage;

	DemoScale(int realRegencies, int syntheticRegencies, int villagesPerRegency, int activitiesPerVillage) {
		this.realRegencies = realRegencies;
		this.syntheticRegencies = syntheticRegencies;
		this.villagesPerRegency = villagesPerRegency;
		this.activitiesPerVillage = activitiesPerVillage;
	}

}
