package org.kotaku.portal.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Checks that a raw query string is one a parameter reader can trust: every {@code %}
 * escape is two hex digits, the decoded bytes are UTF-8, and no name or value holds a
 * control character (U+0000-U+001F, U+007F-U+009F). The framework would otherwise decode
 * bad bytes to U+FFFD and pass a NUL through to the database, which refuses it as a
 * failure of its own. A bad query is a 400 {@code invalid-parameter} problem naming the
 * parameter.
 */
public final class QueryString {

	private QueryString() {
	}

	/**
	 * Throws the problem of the first bad parameter of {@code rawQuery} (null or empty:
	 * nothing to check).
	 */
	public static void check(String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return;
		}
		for (String pair : rawQuery.split("&", -1)) {
			int equals = pair.indexOf('=');
			String rawName = equals < 0 ? pair : pair.substring(0, equals);
			String name = decode(rawName, rawName);
			// a bad name is named as sent, percent-escapes and all
			checkText(rawName, name);
			if (equals >= 0) {
				checkText(name, decode(name, pair.substring(equals + 1)));
			}
		}
	}

	/**
	 * Whether {@link #check} accepts {@code rawQuery}; for callers that must not throw
	 * (the fast path).
	 */
	public static boolean wellFormed(String rawQuery) {
		try {
			check(rawQuery);
			return true;
		}
		catch (PortalException ex) {
			return false;
		}
	}

	private static String decode(String name, String raw) {
		if (raw.indexOf('%') < 0) {
			return raw.replace('+', ' ');
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				int high = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
				int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
				if (high < 0 || low < 0) {
					throw problem(name, "Parameter '" + name + "' has a '%' that is not followed by two hex digits; "
							+ "write a literal % as %25.");
				}
				bytes.write(high * 16 + low);
				i += 2;
			}
			else {
				int codePoint = c == '+' ? ' ' : raw.codePointAt(i);
				byte[] encoded = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
				bytes.write(encoded, 0, encoded.length);
				i += Character.charCount(codePoint) - 1;
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw problem(name, "Parameter '" + name + "' is not valid UTF-8 once percent-decoded.");
		}
	}

	private static void checkText(String name, String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.getType(c) == Character.CONTROL) {
				throw problem(name, "Parameter '" + name + "' holds the control character U+"
						+ String.format("%04X", (int) c) + "; remove it.");
			}
		}
	}

	private static PortalException problem(String name, String detail) {
		return new PortalException(ProblemType.INVALID_PARAMETER, detail, Map.of("parameter", name), null);
	}

}
