package org.kotaku.portal.listing;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * GeoJSON (RFC 7946): a FeatureCollection of Features whose properties are the row's
 * fields; the envelope members ride along as foreign members. A row without a location
 * (or with geometries left out) has a null geometry, as the RFC allows.
 */
final class GeoJsonRowWriter implements RowWriter {

	private final JsonMapper json;

	private final Map<String, Object> licence;

	private final RowJson rows;

	GeoJsonRowWriter(JsonMapper json, Map<String, Object> licence) {
		this.json = json;
		this.licence = licence;
		this.rows = new RowJson(json);
	}

	@Override
	public String head(Envelope envelope) {
		String head = this.json.writeValueAsString(envelope.head(this.licence));
		return "{\"type\":\"FeatureCollection\"," + head.substring(1, head.length() - 1) + ",\"features\":[";
	}

	@Override
	public String row(Row row, boolean first) {
		return (first ? "" : ",") + feature(row, "");
	}

	@Override
	public String tail(Envelope envelope) {
		return "],\"links\":" + this.json.writeValueAsString(envelope.links()) + "}";
	}

	@Override
	public String item(Envelope envelope, Row row, Map<String, Object> extra) {
		String head = this.json.writeValueAsString(envelope.head(this.licence));
		String members = head.substring(1, head.length() - 1) + ",\"links\":"
				+ this.json.writeValueAsString(envelope.links());
		return feature(row, "," + members);
	}

	private String feature(Row row, String foreignMembers) {
		StringBuilder feature = new StringBuilder(512).append("{\"type\":\"Feature\",\"id\":");
		if (row.id() == null) {
			feature.append("null");
		}
		else {
			RowJson.appendString(feature, row.id());
		}
		feature.append(",\"geometry\":")
			.append(row.geometry() == null ? "null" : row.geometry())
			.append(",\"properties\":");
		this.rows.appendObject(feature, row.values());
		return feature.append(foreignMembers).append('}').toString();
	}

}
