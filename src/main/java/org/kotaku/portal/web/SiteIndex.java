package org.kotaku.portal.web;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * The built site's {@code index.html}, into which the server renders a page's own parts,
 * and the build it comes from ({@code variant}: a hash of its bytes). A page cached per
 * data version varies with the build too, because its HTML names the build's hashed
 * assets: after a deployment its ETag changes even when the data did not.
 */
record SiteIndex(byte[] html, String variant) {

	private static final Pattern TITLE = Pattern.compile("<title>[^<]*</title>");

	private static final Pattern DESCRIPTION = Pattern.compile("<meta name=\"description\"[^>]*>\\s*");

	private static final String OWN_DESCRIPTION = "<meta name=\"description\"";

	/**
	 * The site's own fallback for readers without JavaScript: a plain sentence, which a
	 * page's content replaces.
	 */
	private static final Pattern SITE_NOSCRIPT = Pattern.compile("\\s*<noscript>[^<]*</noscript>");

	static SiteIndex of(byte[] html) {
		CRC32C crc = new CRC32C();
		crc.update(html);
		return new SiteIndex(html, "site=" + Long.toHexString(crc.getValue()));
	}

	/**
	 * index.html with the parts inserted at the end of its head and the start of its
	 * body, and the page's own title instead of the site's when it has one; a head part
	 * with a description of its own replaces the site's, and the page's content the
	 * site's plain "needs JavaScript" notice.
	 */
	byte[] with(SitePageContent.Parts parts) {
		String page = new String(this.html, StandardCharsets.UTF_8);
		if (parts.title() != null) {
			page = TITLE.matcher(page).replaceFirst(Matcher.quoteReplacement("<title>" + parts.title() + "</title>"));
		}
		if (parts.head().contains(OWN_DESCRIPTION)) {
			page = DESCRIPTION.matcher(page).replaceFirst("");
		}
		page = page.replaceFirst("</head>", Matcher.quoteReplacement(parts.head() + "</head>"));
		page = SITE_NOSCRIPT.matcher(page).replaceFirst("");
		page = page.replaceFirst("<body>",
				Matcher.quoteReplacement("<body><noscript>" + parts.noscript() + "</noscript>"));
		return page.getBytes(StandardCharsets.UTF_8);
	}

}
