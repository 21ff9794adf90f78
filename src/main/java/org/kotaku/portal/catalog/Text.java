package org.kotaku.portal.catalog;

/**
 * A text the portal publishes in Bahasa Indonesia ({@code id}) and English ({@code en}).
 */
public record Text(String id, String en) {

	public static Text of(String id, String en) {
		return new Text(id, en);
	}

}
