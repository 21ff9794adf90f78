package org.kotaku.portal.listing;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.kotaku.portal.api.Params;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.catalog.Field;
import org.kotaku.portal.catalog.FieldType;
import org.kotaku.portal.regioncode.RegionCode;

/**
 * The filters of a listing that has none of its own, derived from its dataset: one
 * parameter per queryable field (exact value; codes of a closed vocabulary and texts
 * comma-separated for any of several, integers one value), and {@code region} where
 * records carry a village or regency code. The SQL is the catalog's, every value is
 * bound.
 */
final class FieldFilters {

	static final String REGION = "region";

	private static final int MAX_TEXT = 500;

	private FieldFilters() {
	}

	/** The filter parameters of {@code dataset}. */
	static Set<String> parameters(Dataset dataset) {
		Set<String> names = new LinkedHashSet<>();
		if (regionField(dataset).isPresent()) {
			names.add(REGION);
		}
		dataset.queryables().forEach((f) -> names.add(f.name()));
		return names;
	}

	/**
	 * The conditions of the request ({@code region} parsed and checked beforehand, see
	 * {@link Listings#search}).
	 */
	static Where from(Dataset dataset, Params params, Optional<RegionCode> region) {
		Where where = new Where();
		region.ifPresent((code) -> regionCondition(where, regionField(dataset).orElseThrow(), code));
		for (Field field : dataset.queryables()) {
			fieldCondition(where, field, params);
		}
		return where;
	}

	private static void fieldCondition(Where where, Field field, Params params) {
		String parameter = "f_" + field.name();
		if (field.type() == FieldType.INTEGER) {
			params.integer(field.name(), Integer.MIN_VALUE, Integer.MAX_VALUE)
				.ifPresent((value) -> where.and(field.sql() + " = :" + parameter, parameter, value));
			return;
		}
		List<String> values = field.values().isEmpty() ? texts(params, field.name())
				: params.choices(field.name(), new LinkedHashSet<>(field.codes()));
		if (!values.isEmpty()) {
			where.anyOf(field.sql(), parameter, values);
		}
	}

	private static List<String> texts(Params params, String name) {
		return params.text(name, MAX_TEXT)
			.map((text) -> Arrays.stream(text.split(","))
				.map(String::strip)
				.filter((s) -> !s.isEmpty())
				.distinct()
				.toList())
			.orElse(List.of());
	}

	/**
	 * The field {@code region} compares: the village code where records have one (any
	 * region containing the village), else the regency code (a province's regencies, or
	 * the regency of a district or village).
	 */
	private static Optional<Field> regionField(Dataset dataset) {
		return dataset.field("villageCode").or(() -> dataset.field("regencyCode"));
	}

	private static void regionCondition(Where where, Field field, RegionCode code) {
		String sql = field.sql();
		boolean village = field.name().equals("villageCode");
		if (village && code.level() == 4) {
			where.and(sql + " = :region", "region", code.dotted());
		}
		else if (village || code.level() == 1) {
			where.and(sql + " like :regionPrefix", "regionPrefix", code.dotted() + ".%");
		}
		else {
			where.and(sql + " = :region", "region", code.dotted().substring(0, 5));
		}
	}

}
