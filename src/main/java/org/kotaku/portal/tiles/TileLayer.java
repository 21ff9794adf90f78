package org.kotaku.portal.tiles;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The vector tile layers: their public id, what they hold, and the fields of their
 * features (for TileJSON's {@code vector_layers}, so that a MapLibre style can be written
 * against them).
 */
enum TileLayer {

	REGIONS("regions", "Provinces (zoom 0-5) and regencies (zoom 6+), or with level= (and parent=) the regions of one "
			+ "level at every zoom (districts and villages need a parent), with choropleth metrics: planned and disbursed "
			+ "rupiah, disbursement rate, slum hectares at baseline and officially reduced (areas now tidak kumuh); "
			+ "outlines where a boundary is known, else label points (or the centre of the villages' label points); "
			+ "has_data is false, and the metrics are absent, where nothing was reported (slum figures are absent "
			+ "where a region has no slum areas): absent is not 0",
			fields("code", "String", "name", "String", "type", "String", "level", "Number", "has_data", "Boolean",
					"planned_idr", "Number", "disbursed_idr", "Number", "disbursement_rate", "Number",
					"slum_baseline_ha", "Number", "slum_reduced_ha", "Number", "slum_reduced_pct", "Number")),
	SLUM_AREAS("slum-areas", "Slum areas: points below zoom 10, outlines from zoom 10, with their latest level",
			fields("id", "String", "name", "String", "regency_code", "String", "area_ha", "Number", "level", "String",
					"level_year", "Number")),
	ACTIVITIES("activities",
			"Activities: clusters (count, budget_idr, completed) below zoom 12, points from zoom 12; "
					+ "year= and type= keep the activities of a fiscal year and of some types",
			fields("id", "String", "name", "String", "type", "String", "status", "String", "fiscal_year", "Number",
					"budget_idr", "Number", "disbursed_idr", "Number", "physical_progress", "Number", "count", "Number",
					"completed", "Number", "cluster", "Boolean"));

	private final String id;

	private final String description;

	private final Map<String, String> fields;

	TileLayer(String id, String description, Map<String, String> fields) {
		this.id = id;
		this.description = description;
		this.fields = fields;
	}

	static Optional<TileLayer> find(String id) {
		return Arrays.stream(values()).filter((l) -> l.id.equals(id)).findFirst();
	}

	String id() {
		return this.id;
	}

	String description() {
		return this.description;
	}

	Map<String, String> fields() {
		return this.fields;
	}

	private static Map<String, String> fields(String... namesAndTypes) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < namesAndTypes.length; i += 2) {
			fields.put(namesAndTypes[i], namesAndTypes[i + 1]);
		}
		return fields;
	}

}
