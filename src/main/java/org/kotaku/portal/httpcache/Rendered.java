package org.kotaku.portal.httpcache;

/**
 * A freshly rendered answer body and its content type (e.g. {@code application/json},
 * {@code text/csv}).
 */
public record Rendered(String contentType, byte[] body) {

	/** Renders an answer; called once per data version and request, on a cache miss. */
	@FunctionalInterface
	public interface Renderer {

		Rendered render();

	}

}
