package org.kotaku.portal.support;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * GETs a JSON answer that must be 200, as a tree; URI templates take variables (encoded
 * once).
 */
public record JsonApi(WebTestClient client, JsonMapper json) {

	public JsonNode get(String uri, Object... variables) {
		String body = this.client.get()
			.uri(uri, variables)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return this.json.readTree(body);
	}

	/** The {@code items} of a list answer. */
	public List<JsonNode> items(String uri, Object... variables) {
		List<JsonNode> items = new ArrayList<>();
		get(uri, variables).get("items").forEach(items::add);
		return items;
	}

}
