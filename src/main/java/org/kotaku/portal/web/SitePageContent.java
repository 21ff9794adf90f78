package org.kotaku.portal.web;

import reactor.core.publisher.Mono;

/**
 * Markup a feature renders on the server into one page of the site, so that it is there
 * without JavaScript: structured data for the page's head (schema.org JSON-LD) and
 * content for readers and crawlers that do not run the site's script (a
 * {@code <noscript>} block). {@link SiteRoutes} inserts it into {@code index.html}.
 */
public interface SitePageContent {

	/** The page's exact path ({@code /data}). */
	String path();

	/** The parts for the current data, as HTML: both already escaped. */
	Mono<Parts> render();

	/**
	 * @param head markup for the end of {@code <head>}
	 * @param noscript markup for a {@code <noscript>} block at the start of
	 * {@code <body>}
	 * @param title the page's {@code <title>} text instead of the site's (escaped), or
	 * null to keep the site's
	 */
	record Parts(String head, String noscript, String title) {

		/** Parts of a page that keeps the site's title. */
		public Parts(String head, String noscript) {
			this(head, noscript, null);
		}

	}

}
