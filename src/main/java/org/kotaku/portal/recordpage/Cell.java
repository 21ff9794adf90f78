package org.kotaku.portal.recordpage;

/**
 * One cell of a record page's table or list: its text, and where it links to (null: plain
 * text).
 */
public record Cell(String text, String href) {

	public static Cell text(String text) {
		return new Cell(text, null);
	}

	public static Cell link(String text, String href) {
		return new Cell(text, href);
	}

}
