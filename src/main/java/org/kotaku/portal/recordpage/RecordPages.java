package org.kotaku.portal.recordpage;

import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.dataversion.DataVersion;
import org.kotaku.portal.licence.Licence;
import org.kotaku.portal.opendata.OpenDataProperties;
import org.kotaku.portal.web.JsonLdScript;
import org.kotaku.portal.web.SitePageContent;
import org.springframework.stereotype.Component;

import static org.kotaku.portal.recordpage.RecordMarkup.escape;

/**
 * Renders the page of one record ({@link RecordView}) into the parts the site's
 * index.html receives: for the head, a description, the canonical address (built from
 * {@code PORTAL_PUBLIC_URL}, like the catalogs' identifiers, so that it never depends on
 * the Host a request came with), the record's API answers as alternates, Open Graph tags
 * and schema.org JSON-LD ({@link RecordStructuredData}); for readers without JavaScript,
 * the record itself ({@link RecordMarkup}); and the page's title. Every value is escaped.
 */
@Component
public class RecordPages {

	static final String SITE_NAME = "Portal Data Terbuka KOTAKU";

	private final OpenDataProperties site;

	private final Licence licence;

	private final JsonMapper json;

	RecordPages(OpenDataProperties site, Licence licence, JsonMapper json) {
		this.site = site;
		this.licence = licence;
		this.json = json;
	}

	public SitePageContent.Parts render(RecordView view, DataVersion version) {
		String title = escape(view.name) + " · " + escape(view.kind.id()) + " · " + SITE_NAME;
		return new SitePageContent.Parts(head(view, version), RecordMarkup.of(view, version, this.licence), title);
	}

	String head(RecordView view, DataVersion version) {
		String canonical = escape(this.site.url(view.path));
		String description = escape(view.description.isEmpty() ? view.name : view.description);
		StringBuilder head = new StringBuilder(4096);
		head.append("<meta name=\"description\" content=\"").append(description).append("\">");
		head.append("<link rel=\"canonical\" href=\"").append(canonical).append("\">");
		for (RecordView.Download download : view.downloads) {
			head.append("<link rel=\"alternate\" type=\"")
				.append(escape(download.mediaType()))
				.append("\" href=\"")
				.append(escape(download.href()))
				.append("\">");
		}
		meta(head, "og:type", "website");
		meta(head, "og:site_name", SITE_NAME);
		meta(head, "og:title", escape(view.name));
		meta(head, "og:description", description);
		meta(head, "og:url", canonical);
		meta(head, "og:locale", "id_ID");
		meta(head, "og:locale:alternate", "en_GB");
		head.append("<meta name=\"twitter:card\" content=\"summary\">");
		head.append(JsonLdScript.of(this.json, RecordStructuredData.of(view, version, this.site, this.licence)));
		return head.toString();
	}

	private static void meta(StringBuilder head, String property, String escapedContent) {
		head.append("<meta property=\"").append(property).append("\" content=\"").append(escapedContent).append("\">");
	}

}
