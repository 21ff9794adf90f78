package org.kotaku.portal.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.kotaku.portal.dataversion.DataVersion;

/**
 * The envelope of a public JSON answer that is a list ({@link Items}) or one record
 * ({@link One}): the members every such answer starts with (the dataset, the data version
 * read and when it was committed, the licence), then the content. Serialised as it reads,
 * in this order.
 */
public final class Answer {

	private Answer() {
	}

	public static <T> Items<T> items(DataVersion version, Map<String, Object> licence, List<T> items) {
		return new Items<>(version.dataset(), version.version(), version.asOf(), licence, items);
	}

	public static <T> One<T> one(DataVersion version, Map<String, Object> licence, T item) {
		return new One<>(version.dataset(), version.version(), version.asOf(), licence, item);
	}

	public record Items<T>(String dataset, long dataVersion, Instant asOf, Map<String, Object> licence, List<T> items) {
	}

	public record One<T>(String dataset, long dataVersion, Instant asOf, Map<String, Object> licence, T item) {
	}

}
