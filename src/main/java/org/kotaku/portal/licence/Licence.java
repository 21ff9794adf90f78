package org.kotaku.portal.licence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The one owner of the data licence and its attribution ({@link LicenceProperties}), in
 * the forms each format expects: the {@code licence} member of JSON envelopes, the
 * {@code Link: <url>; rel="license"} header (RFC 8288, RFC 4946's relation) and the
 * attribution text (plain, or HTML for map attributions). Every public answer gets the
 * header ({@link LicenceHeaders}); features that write a document call {@link #member()}.
 */
@Component
public class Licence {

	static final String DEFAULT_ATTRIBUTION = "Data: KOTAKU open data portal, Kementerian PUPR (synthetic demo data)";

	/** The Web Linking relation of a licence (RFC 4946, IANA link relations). */
	public static final String REL = "license";

	private final LicenceProperties properties;

	private final Map<String, Object> member;

	private final String linkHeader;

	Licence(LicenceProperties properties) {
		this.properties = properties;
		Map<String, Object> member = new LinkedHashMap<>();
		member.put("id", properties.id());
		member.put("title", properties.title());
		member.put("url", properties.url());
		member.put("attribution", properties.attribution());
		this.member = Collections.unmodifiableMap(member);
		this.linkHeader = "<" + properties.url() + ">; rel=\"" + REL + "\"";
	}

	/** The SPDX identifier, e.g. {@code CC-BY-4.0}. */
	public String id() {
		return this.properties.id();
	}

	/** The licence's full title. */
	public String title() {
		return this.properties.title();
	}

	/** Where the licence text is. */
	public String url() {
		return this.properties.url();
	}

	/** The attribution users are asked to give, as plain text. */
	public String attributionText() {
		return this.properties.attribution();
	}

	/**
	 * The attribution with a link to the licence, as HTML (escaped): what map clients
	 * show, e.g. TileJSON's {@code attribution}.
	 */
	public String attributionHtml() {
		return HtmlUtils.htmlEscape(attributionText()) + " · <a href=\"" + HtmlUtils.htmlEscape(url()) + "\">"
				+ HtmlUtils.htmlEscape(id()) + "</a>";
	}

	/**
	 * The JSON member {@code licence}: {@code {id, title, url, attribution}} (read-only).
	 */
	public Map<String, Object> member() {
		return this.member;
	}

	/** The value of the {@code Link} header: {@code <url>; rel="license"}. */
	public String linkHeader() {
		return this.linkHeader;
	}

	/**
	 * Adds the licence link to {@code headers}, after any links they already carry (one
	 * {@code Link} field, its values comma-separated); does nothing when a licence link
	 * is already there.
	 */
	public void addLinkTo(HttpHeaders headers) {
		List<String> links = headers.get(HttpHeaders.LINK);
		if (links == null || links.isEmpty()) {
			headers.set(HttpHeaders.LINK, this.linkHeader);
			return;
		}
		if (links.stream().anyMatch((link) -> link.contains("rel=\"" + REL + "\""))) {
			return;
		}
		List<String> combined = new ArrayList<>(links);
		combined.add(this.linkHeader);
		headers.set(HttpHeaders.LINK, String.join(", ", combined));
	}

	/**
	 * Whether answers to {@code path} are published data or documents (everything but
	 * internal and operations).
	 */
	public static boolean isPublic(String path) {
		return !path.startsWith("/internal/") && !path.equals("/internal") && !path.startsWith("/actuator");
	}

}
