package org.kotaku.portal.web;

import tools.jackson.databind.json.JsonMapper;

/**
 * A schema.org JSON-LD document as a {@code <script type="application/ld+json">} block
 * for a page's head. The characters that could end the script or change how the HTML
 * parser reads it ({@code <}, {@code >}, {@code &}) are written as JSON escapes, which
 * only strings can hold: the block stays valid JSON whatever text the data carry (a name
 * with {@code </script>} or {@code <!--} in it).
 */
public final class JsonLdScript {

	private JsonLdScript() {
	}

	public static String of(JsonMapper json, Object document) {
		String text = json.writeValueAsString(document)
			.replace("<", "\\u003c")
			.replace(">", "\\u003e")
			.replace("&", "\\u0026");
		return "<script type=\"application/ld+json\">" + text + "</script>";
	}

}
