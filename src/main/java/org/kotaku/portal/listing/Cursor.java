package org.kotaku.portal.listing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.kotaku.portal.api.PortalException;

/**
 * Where a paged walk stands: the sort, the sort value and id of the last row served, and
 * the data version the walk started at (rows created after it are left out, so every page
 * of one walk reads the same set of rows). Written as an opaque URL-safe token.
 */
public record Cursor(SortOrder sort, String lastValue, String lastId, long snapshot) {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	public String encode() {
		return String.join(".", part("1"), part(this.sort.toString()), part(this.lastValue), part(this.lastId),
				part(Long.toString(this.snapshot)));
	}

	/**
	 * Reads a token written by {@link #encode}; it must belong to the same sort as the
	 * request.
	 */
	static Cursor decode(String token, SortOrder sort) {
		String[] parts = token.split("\\.", -1);
		try {
			String[] text = Arrays.stream(parts).map(Cursor::unpart).toArray(String[]::new);
			if (text.length != 5 || !text[0].equals("1")) {
				throw malformedCursor();
			}
			if (!text[1].equals(sort.toString())) {
				throw PortalException.invalidParameter("cursor", "This cursor belongs to sort=" + text[1]
						+ ", not sort=" + sort + "; follow the next link as it is.");
			}
			return new Cursor(sort, text[2], text[3], Long.parseLong(text[4]));
		}
		catch (IllegalArgumentException ex) {
			throw malformedCursor();
		}
	}

	static PortalException malformedCursor() {
		return PortalException.invalidParameter("cursor",
				"The cursor is not one this API wrote; use the next link of the previous page.");
	}

	private static String part(String text) {
		return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String unpart(String text) {
		return new String(DECODER.decode(text), StandardCharsets.UTF_8);
	}

}
