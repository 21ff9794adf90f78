package org.kotaku.portal.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.kotaku.portal.bulk.Download;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.catalog.Field;
import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.Text;

/**
 * One dataset as {@code GET /api/v1/datasets} publishes it: the catalog's description
 * with the facts of the current data version, the addresses that serve it (list API, OGC
 * API - Features collections), its licence and its fields.
 */
record DatasetView(String id, String recordName, Text title, Text description, String api, List<String> ogc,
		long recordCount, Instant modified, Period temporal, List<Double> spatial, Map<String, Object> licence,
		List<FieldView> fields, List<DownloadView> downloads) {

	/**
	 * A bulk file of the newest version that has them: its immutable {@code url}, the
	 * {@code latestUrl} that always redirects to the newest one, size, SHA-256 and row
	 * count; a delta ({@code since} set) holds the changes since that version.
	 */
	record DownloadView(String format, String mediaType, String compression, String url, String latestUrl,
			long byteSize, String sha256, long rowCount, long version, Long since, Instant modified) {

		static DownloadView of(Download file, OpenDataProperties site) {
			return new DownloadView(file.format(), file.mediaType(), file.compression(), site.url(file.path()),
					site.url(file.latestPath()), file.byteSize(), file.sha256(), file.rowCount(), file.version(),
					file.since(), file.modified());
		}

	}

	/** The period the records cover (inclusive dates). */
	record Period(LocalDate start, LocalDate end) {

	}

	/**
	 * A field: the catalog's {@link Field}, its JSON Schema type and Table Schema type.
	 */
	record FieldView(String name, String type, String tableSchemaType, String unit, boolean required, Text description,
			List<Value> values, boolean queryable, boolean sortable) {

		static FieldView of(Field field) {
			return new FieldView(field.name(), field.type().jsonType(), field.type().tableSchemaType(), field.unit(),
					field.isRequired(), field.description(), field.values().stream().map(Value::of).toList(),
					field.isQueryable(), field.isSortable());
		}

	}

	/** An allowed value of a closed vocabulary. */
	record Value(String code, Text label) {

		static Value of(Term term) {
			return new Value(term.code(), term.label());
		}

	}

	static DatasetView of(Dataset dataset, DatasetFacts facts, OpenDataProperties site, Map<String, Object> licence,
			List<Download> files) {
		Period temporal = (facts.start() == null) ? null : new Period(facts.start(), facts.end());
		List<Double> spatial = (facts.extent() == null) ? null
				: List.of(facts.extent().west(), facts.extent().south(), facts.extent().east(), facts.extent().north());
		return new DatasetView(dataset.id(), dataset.recordName(), dataset.title(), dataset.description(),
				site.url(dataset.apiPath()),
				OpenDataLinks.ogcCollections(dataset).stream().map((c) -> site.url("/ogc/collections/" + c)).toList(),
				facts.recordCount(), facts.modified(), temporal, spatial, licence,
				dataset.fields().stream().map(FieldView::of).toList(),
				files.stream().map((file) -> DownloadView.of(file, site)).toList());
	}

}
