package org.kotaku.portal.httpcache;

import java.util.List;

/**
 * Route patterns (as the router declares them, e.g. {@code /api/v1/regions/{code}}) whose
 * handlers answer conditional requests themselves: through {@link CachedAnswers} (the
 * ETag and freshness of the version they rendered, which for the figures is the read
 * model's snapshot) or {@link ConditionalGet#answer}. The {@link ConditionalGetFilter}
 * leaves them alone, so they neither wait for the database's version nor get a second
 * ETag. Declare one bean per feature; {@link CachedAnswers} refuses to answer for a route
 * that is not declared.
 */
public record SelfValidatingRoutes(List<String> patterns) {

	public static SelfValidatingRoutes of(String... patterns) {
		return new SelfValidatingRoutes(List.of(patterns));
	}

}
