package org.kotaku.portal.listing;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.licence.Licence;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The one owner of "which writer and media type a format has": JSON and GeoJSON with the
 * licence as a member, CSV in UTF-8. Listings, single records and whole-dataset files are
 * written by the same writers, so their field names and values are the same.
 */
@Component
public class RowWriters {

	private static final MediaType CSV_UTF8 = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final JsonMapper json;

	private final Licence licence;

	RowWriters(JsonMapper json, Licence licence) {
		this.json = json;
		this.licence = licence;
	}

	/** The writer of {@code format}. */
	RowWriter writer(Format format) {
		return switch (format) {
			case JSON -> new JsonRowWriter(this.json, this.licence.member());
			case GEOJSON -> new GeoJsonRowWriter(this.json, this.licence.member());
			case CSV -> new CsvRowWriter();
		};
	}

	/** The media type of an answer in {@code format} (CSV with its charset). */
	static MediaType mediaType(Format format) {
		return format == Format.CSV ? CSV_UTF8 : format.mediaType();
	}

}
