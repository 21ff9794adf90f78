package org.kotaku.portal.httpcache;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kotaku.portal.api.PortalException;
import org.springframework.http.HttpHeaders;

/**
 * Reads {@code Accept-Encoding} (RFC 9110 12.5.3) strictly enough to answer a malformed
 * one with a 400 problem instead of a guess or a failure: codings are tokens, weights are
 * {@code q=} qvalues (0 to 1, at most three decimals). gzip is accepted when named with a
 * weight above 0, or when {@code *} is and gzip is not named.
 */
final class AcceptEncoding {

	private static final Pattern CODING = Pattern
		.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+)[ \\t]*(?:;[ \\t]*[qQ]=((?:0(?:\\.[0-9]{0,3})?)|(?:1(?:\\.0{0,3})?)))?");

	private AcceptEncoding() {
	}

	/**
	 * Whether the header values accept gzip; a malformed value is a 400
	 * {@code invalid-header} problem.
	 */
	static boolean acceptsGzip(List<String> values) {
		if (values == null) {
			return false;
		}
		Double gzip = null;
		Double any = null;
		for (String value : values) {
			for (String element : value.split(",", -1)) {
				String coding = element.strip();
				if (coding.isEmpty()) {
					continue;
				}
				Matcher matcher = CODING.matcher(coding);
				if (!matcher.matches()) {
					throw PortalException.invalidHeader(HttpHeaders.ACCEPT_ENCODING,
							"Accept-Encoding has the malformed " + "element '" + coding
									+ "'; use codings with optional weights, e.g. 'gzip, br;q=0.5'.");
				}
				double weight = matcher.group(2) == null ? 1 : Double.parseDouble(matcher.group(2));
				if (matcher.group(1).equalsIgnoreCase("gzip")) {
					gzip = weight;
				}
				else if (matcher.group(1).equals("*")) {
					any = weight;
				}
			}
		}
		Double chosen = gzip != null ? gzip : any;
		return chosen != null && chosen > 0;
	}

}
