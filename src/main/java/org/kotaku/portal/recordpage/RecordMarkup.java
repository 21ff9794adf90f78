package org.kotaku.portal.recordpage;

import java.util.List;

import org.kotaku.portal.dataversion.DataVersion;
import org.kotaku.portal.catalog.Text;
import org.kotaku.portal.licence.Licence;
import org.springframework.web.util.HtmlUtils;

/**
 * The body of a record's page for readers without JavaScript (and crawlers): breadcrumb,
 * data version and as-of, name, figures, location with a link to the map, related
 * records, downloads and licence. Every value is escaped here, whatever its source;
 * labels are in Indonesian and English. The site's stylesheet styles it.
 */
final class RecordMarkup {

	static final String SYNTHETIC = "Data contoh sintetis: bukan angka resmi program / Synthetic demo data: not official figures";

	/** The zoom at which /peta shows a record's point. */
	static final int MAP_ZOOM = 15;

	private final StringBuilder html = new StringBuilder(8192);

	private RecordMarkup() {
	}

	static String of(RecordView view, DataVersion version, Licence licence) {
		RecordMarkup markup = new RecordMarkup();
		markup.html.append("<main class=\"static-record\">");
		markup.breadcrumb(view);
		markup.stamp(version);
		markup.html.append("<h1>")
			.append(escape(view.name))
			.append("</h1><p class=\"lead\">")
			.append(escape(RecordFormat.both(view.kind)))
			.append(" · <code>")
			.append(escape(view.id))
			.append("</code></p>");
		if (!view.description.isEmpty()) {
			markup.html.append("<p>").append(escape(view.description)).append("</p>");
		}
		markup.figures(view.figures);
		markup.location(view);
		view.sections.forEach(markup::section);
		markup.downloads(view);
		markup.licence(licence);
		return markup.html.append("</main>").toString();
	}

	private void breadcrumb(RecordView view) {
		this.html
			.append("<nav aria-label=\"Breadcrumb\" class=\"breadcrumb\"><ol><li><a href=\"/\">Indonesia</a></li>");
		for (Area area : view.within) {
			this.html.append("<li>").append(link(area.name(), area.path())).append("</li>");
		}
		this.html.append("<li><span aria-current=\"page\">")
			.append(escape(view.name))
			.append("</span></li></ol></nav>");
	}

	private void stamp(DataVersion version) {
		this.html.append("<p class=\"data-stamp\">");
		if (DataVersion.SYNTHETIC.equals(version.dataset())) {
			this.html.append("<strong class=\"synthetic\">").append(SYNTHETIC).append("</strong> · ");
		}
		this.html.append("<span data-field=\"dataVersion\" data-value=\"")
			.append(version.version())
			.append("\">Versi data / Data version ")
			.append(version.version())
			.append("</span>");
		if (version.asOf() != null) {
			this.html.append(" · <span data-field=\"asOf\" data-value=\"")
				.append(version.asOf())
				.append("\">per / as of <time datetime=\"")
				.append(version.asOf())
				.append("\">")
				.append(RecordFormat.day(version.asOf()))
				.append("</time></span>");
		}
		this.html.append(" · <a href=\"/data#perubahan\">Riwayat perubahan / Change log</a></p>");
	}

	private void figures(List<Figure> figures) {
		this.html.append("<dl class=\"figures\">");
		for (Figure figure : figures) {
			this.html.append("<div class=\"figure\"><dt>")
				.append(escape(RecordFormat.both(figure.label())))
				.append("</dt><dd data-field=\"")
				.append(escape(figure.field()))
				.append("\" data-value=\"")
				.append(figure.value() == null ? "" : escape(figure.value().toString()))
				.append("\">")
				.append(escape(figure.text()))
				.append("</dd></div>");
		}
		this.html.append("</dl>");
	}

	/**
	 * Without a script there is no map: the coordinates, and a link to the map page at
	 * the point.
	 */
	private void location(RecordView view) {
		this.html.append("<section aria-labelledby=\"lokasi\"><h2 id=\"lokasi\">Lokasi / Location</h2><p>");
		if (!view.within.isEmpty()) {
			List<String> narrowFirst = new java.util.ArrayList<>(view.within.stream().map(Area::name).toList());
			java.util.Collections.reverse(narrowFirst);
			this.html.append(escape(String.join(", ", narrowFirst))).append(". ");
		}
		if (view.lon == null) {
			this.html.append("Titik lokasi belum ada / No location point yet.</p>");
		}
		else {
			this.html.append("Lintang / latitude <span data-field=\"lat\">")
				.append(view.lat.toPlainString())
				.append("</span>, bujur / longitude <span data-field=\"lon\">")
				.append(view.lon.toPlainString())
				.append("</span>.</p>");
		}
		String map = view.mapHref != null ? view.mapHref : view.lon == null ? null
				: "/peta?v=" + view.lon.toPlainString() + "," + view.lat.toPlainString() + "," + MAP_ZOOM;
		if (map != null) {
			this.html.append("<p>").append(link("Lihat di peta / See it on the map", map)).append("</p>");
		}
		this.html.append("</section>");
	}

	private void section(RecordView.Section section) {
		this.html.append("<section aria-labelledby=\"")
			.append(escape(section.anchor()))
			.append("\"><h2 id=\"")
			.append(escape(section.anchor()))
			.append("\">")
			.append(escape(RecordFormat.both(section.heading())))
			.append("</h2>");
		if (section.columns().isEmpty()) {
			this.html.append("<ul>");
			section.rows().forEach((row) -> this.html.append("<li>").append(cell(row.get(0))).append("</li>"));
			this.html.append("</ul></section>");
			return;
		}
		this.html.append("<div class=\"table-scroll\"><table class=\"data-table\"><thead><tr>");
		for (Text column : section.columns()) {
			this.html.append("<th scope=\"col\">").append(escape(RecordFormat.both(column))).append("</th>");
		}
		this.html.append("</tr></thead><tbody>");
		for (List<Cell> row : section.rows()) {
			this.html.append("<tr><th scope=\"row\">").append(cell(row.get(0))).append("</th>");
			row.subList(1, row.size()).forEach((c) -> this.html.append("<td>").append(cell(c)).append("</td>"));
			this.html.append("</tr>");
		}
		this.html.append("</tbody></table></div></section>");
	}

	private void downloads(RecordView view) {
		this.html.append(
				"<section aria-labelledby=\"unduh\"><h2 id=\"unduh\">Unduh / Download</h2><ul class=\"downloads\">");
		for (RecordView.Download download : view.downloads) {
			this.html.append("<li><a href=\"")
				.append(escape(download.href()))
				.append("\" type=\"")
				.append(escape(download.mediaType()))
				.append("\">")
				.append(escape(download.label()))
				.append("</a> <code>")
				.append(escape(download.href()))
				.append("</code></li>");
		}
		this.html.append("</ul></section>");
	}

	private void licence(Licence licence) {
		this.html.append("<p class=\"licence\">")
			.append(escape(licence.attributionText()))
			.append(" · <a rel=\"license\" href=\"")
			.append(escape(licence.url()))
			.append("\">")
			.append(escape(licence.title()))
			.append("</a> · ")
			.append(link("Data terbuka dan API / Open data and APIs", "/data"))
			.append("</p>");
	}

	private static String cell(Cell cell) {
		return cell.href() == null ? escape(cell.text()) : link(cell.text(), cell.href());
	}

	private static String link(String text, String href) {
		return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
	}

	static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}
