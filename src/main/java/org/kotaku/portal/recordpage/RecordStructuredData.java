package org.kotaku.portal.recordpage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kotaku.portal.dataversion.DataVersion;
import org.kotaku.portal.licence.Licence;
import org.kotaku.portal.opendata.OpenDataProperties;

/**
 * A record's page as schema.org JSON-LD: the record is a {@code Dataset} of one record
 * ({@code identifier}, its own {@code distribution}s: the API's JSON, GeoJSON and CSV of
 * it), {@code isPartOf} the published dataset (the same {@code @id} as on {@code /data}
 * and in the DCAT catalog), under the data licence, at a data version ({@code version},
 * {@code dateModified}); its figures are {@code variableMeasured} values and its place
 * the {@code spatialCoverage}: a {@code Place} with {@code geo} coordinates, inside its
 * administrative areas.
 */
final class RecordStructuredData {

	private RecordStructuredData() {
	}

	static Map<String, Object> of(RecordView view, DataVersion version, OpenDataProperties site, Licence licence) {
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("@context", "https://schema.org/");
		node.put("@type", "Dataset");
		node.put("@id", site.url(view.path));
		node.put("url", site.url(view.path));
		node.put("identifier", view.id);
		node.put("name", view.name);
		node.put("description",
				view.description.isEmpty() ? RecordFormat.both(view.kind) + ": " + view.name : view.description);
		node.put("inLanguage", "id");
		node.put("isPartOf", dataset(view, site));
		node.put("isAccessibleForFree", true);
		node.put("license", licence.url());
		node.put("creditText", licence.attributionText());
		node.put("publisher",
				Map.of("@type", "Organization", "name", site.publisherName(), "url", site.publisherUrl()));
		node.put("version", Long.toString(version.version()));
		if (version.asOf() != null) {
			node.put("dateModified", version.asOf().toString());
		}
		if (view.temporalCoverage != null) {
			node.put("temporalCoverage", view.temporalCoverage);
		}
		node.put("spatialCoverage", place(view, site));
		node.put("variableMeasured", view.figures.stream().map(RecordStructuredData::variable).toList());
		node.put("distribution",
				view.downloads.stream()
					.map((d) -> Map.of("@type", "DataDownload", "encodingFormat", d.mediaType(), "contentUrl",
							site.url(d.href())))
					.toList());
		return node;
	}

	private static Map<String, Object> dataset(RecordView view, OpenDataProperties site) {
		Map<String, Object> dataset = new LinkedHashMap<>();
		dataset.put("@type", "Dataset");
		dataset.put("@id", site.url("/api/v1/datasets/" + view.dataset.id()));
		dataset.put("name", RecordFormat.both(view.dataset.title()));
		dataset.put("url", site.url("/data#" + view.dataset.id()));
		return dataset;
	}

	/**
	 * The record's place (where the work is, the area itself, the region): its point,
	 * inside its regions.
	 */
	private static Map<String, Object> place(RecordView view, OpenDataProperties site) {
		Map<String, Object> place = new LinkedHashMap<>();
		place.put("@type", view.placeType);
		place.put("identifier", view.id);
		place.put("name", view.name);
		if (view.lon != null) {
			place.put("geo", Map.of("@type", "GeoCoordinates", "latitude", view.lat, "longitude", view.lon));
		}
		Map<String, Object> inside = null;
		for (Area area : view.within) {
			inside = area(area, inside, site);
		}
		if (inside != null) {
			place.put("containedInPlace", inside);
		}
		return place;
	}

	private static Map<String, Object> area(Area area, Map<String, Object> parent, OpenDataProperties site) {
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("@type", "AdministrativeArea");
		node.put("identifier", area.code());
		node.put("name", area.name());
		node.put("url", site.url(area.path()));
		if (parent != null) {
			node.put("containedInPlace", parent);
		}
		return node;
	}

	private static Map<String, Object> variable(Figure figure) {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("@type", "PropertyValue");
		value.put("propertyID", figure.field());
		value.put("name", figure.label().en());
		value.put("value", figure.value() instanceof List<?> list
				? String.join(", ", list.stream().map(String::valueOf).toList()) : figure.value());
		if (figure.unit() != null) {
			value.put("unitText", figure.unit());
		}
		return value;
	}

}
