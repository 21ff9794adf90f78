package org.kotaku.portal.listing;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * JSON: {@code {dataset, dataVersion, asOf, [count, countKind,] licence, items: [...],
 * links}}.
 */
final class JsonRowWriter implements RowWriter {

	private final JsonMapper json;

	private final Map<String, Object> licence;

	private final RowJson rows;

	JsonRowWriter(JsonMapper json, Map<String, Object> licence) {
		this.json = json;
		this.licence = licence;
		this.rows = new RowJson(json);
	}

	@Override
	public String head(Envelope envelope) {
		String head = this.json.writeValueAsString(envelope.head(this.licence));
		return head.substring(0, head.length() - 1) + ",\"items\":[";
	}

	@Override
	public String row(Row row, boolean first) {
		return (first ? "" : ",") + this.rows.object(row.values());
	}

	@Override
	public String tail(Envelope envelope) {
		return "],\"links\":" + this.json.writeValueAsString(envelope.links()) + "}";
	}

	@Override
	public String item(Envelope envelope, Row row, Map<String, Object> extra) {
		Map<String, Object> document = envelope.head(this.licence);
		document.put("item", row.values());
		document.putAll(extra);
		document.put("links", envelope.links());
		return this.json.writeValueAsString(document);
	}

}
