package org.kotaku.portal.recordpage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.catalog.Text;
import org.springframework.web.util.UriUtils;

/**
 * What the page of one published record shows, as the feature that owns the record
 * declares it: the record (dataset, id, name, what kind of record it is), the regions it
 * lies in, its figures, its point, the period it covers, tables of related records and
 * the downloads of the record. Plain text everywhere: {@link RecordPages} escapes it into
 * the page's HTML and structured data.
 */
public final class RecordView {

	/**
	 * A table (or, without columns, a list) of related records under a heading;
	 * {@code anchor} is its HTML id.
	 */
	record Section(String anchor, Text heading, List<Text> columns, List<List<Cell>> rows) {
	}

	/** A representation of the record in the API: a label, its address and media type. */
	record Download(String label, String href, String mediaType) {
	}

	final Dataset dataset;

	final String id;

	final String path;

	final String name;

	final Text kind;

	String description = "";

	final List<Area> within = new ArrayList<>();

	final List<Figure> figures = new ArrayList<>();

	BigDecimal lon;

	BigDecimal lat;

	String temporalCoverage;

	String placeType = "Place";

	String mapHref;

	final List<Section> sections = new ArrayList<>();

	final List<Download> downloads = new ArrayList<>();

	private RecordView(Dataset dataset, String id, String path, String name, Text kind) {
		this.dataset = dataset;
		this.id = id;
		this.path = path;
		this.name = name;
		this.kind = kind;
	}

	/**
	 * The page of record {@code id} of {@code dataset} at {@code pagePrefix + id}
	 * ({@code /kegiatan/}), called {@code name}, a record of the {@code kind} named
	 * ({@code Kegiatan / Activity}).
	 */
	public static RecordView of(Dataset dataset, String id, String pagePrefix, String name, Text kind) {
		return new RecordView(dataset, id, pagePrefix + segment(id), name, kind);
	}

	/** An id as one path segment of a URL (a {@code /} in it is escaped). */
	public static String segment(String id) {
		return UriUtils.encodePathSegment(id, java.nio.charset.StandardCharsets.UTF_8);
	}

	/**
	 * One sentence that says what the record is, in Indonesian (the page's description
	 * for search engines).
	 */
	public RecordView description(String sentence) {
		this.description = sentence;
		return this;
	}

	/**
	 * A region the record lies in; call from the broadest (province) to the narrowest
	 * (village).
	 */
	public RecordView within(String code, String name) {
		if (code != null) {
			this.within.add(new Area(code, name == null ? code : name));
		}
		return this;
	}

	public RecordView figure(Figure figure) {
		this.figures.add(figure);
		return this;
	}

	/** The record's point (EPSG:4326 degrees); nothing when either is null. */
	public RecordView at(Object lon, Object lat) {
		if (lon instanceof BigDecimal x && lat instanceof BigDecimal y) {
			this.lon = x.stripTrailingZeros();
			this.lat = y.stripTrailingZeros();
		}
		return this;
	}

	/**
	 * The schema.org type of the record's place when it is more than a {@code Place}
	 * ({@code AdministrativeArea}).
	 */
	public RecordView placeType(String type) {
		this.placeType = type;
		return this;
	}

	/**
	 * Where the site's map shows the record, when not at its point ({@code /peta?p=64.71}
	 * for a region).
	 */
	public RecordView mapHref(String href) {
		this.mapHref = href;
		return this;
	}

	/** The period the record covers, ISO 8601 ({@code 2021}, {@code 2016/2025}). */
	public RecordView during(String period) {
		this.temporalCoverage = period;
		return this;
	}

	/**
	 * A table of related records (each row as many cells as there are columns); nothing
	 * when it has no rows.
	 */
	public RecordView table(String anchor, Text heading, List<Text> columns, List<List<Cell>> rows) {
		if (!rows.isEmpty()) {
			this.sections.add(new Section(anchor, heading, List.copyOf(columns), List.copyOf(rows)));
		}
		return this;
	}

	/** A list of links (or texts) under a heading; nothing when it is empty. */
	public RecordView list(String anchor, Text heading, List<Cell> items) {
		return table(anchor, heading, List.of(), items.stream().map(List::of).toList());
	}

	/**
	 * The record's own answer in the API as JSON, GeoJSON (where records have a geometry)
	 * and CSV.
	 */
	public RecordView itemDownloads() {
		String item = this.dataset.apiPath() + "/" + segment(this.id);
		download("JSON", item, "application/json");
		if (this.dataset.hasGeometry()) {
			download("GeoJSON", item + "?format=geojson", "application/geo+json");
		}
		return download("CSV", item + "?format=csv", "text/csv");
	}

	/**
	 * A download of the record or of the records it sums up: an address of the portal's
	 * API.
	 */
	public RecordView download(String label, String href, String mediaType) {
		this.downloads.add(new Download(label, href, mediaType));
		return this;
	}

}
