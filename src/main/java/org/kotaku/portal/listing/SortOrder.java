package org.kotaku.portal.listing;

import java.util.LinkedHashSet;
import java.util.Set;

import org.kotaku.portal.api.Params;
import org.kotaku.portal.catalog.Dataset;

/**
 * A sort on one column, ascending or (with a leading {@code -}) descending; ties are
 * broken by id.
 */
public record SortOrder(String column, boolean descending) {

	static SortOrder parse(String text, Dataset dataset) {
		boolean descending = text.startsWith("-");
		String column = descending ? text.substring(1) : text;
		if (!dataset.sortable().contains(column)) {
			Set<String> allowed = new LinkedHashSet<>();
			dataset.sortable().forEach((c) -> {
				allowed.add(c);
				allowed.add("-" + c);
			});
			throw Params.invalid("sort", "Cannot sort by '" + text + "'.", allowed);
		}
		return new SortOrder(column, descending);
	}

	@Override
	public String toString() {
		return (this.descending ? "-" : "") + this.column;
	}

}
