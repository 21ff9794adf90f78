package org.kotaku.portal.httpcache;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every {@link SelfValidatingRoutes} declaration: which request paths the
 * {@link ConditionalGetFilter} leaves alone, and which route patterns may answer through
 * {@link CachedAnswers}. Read on first use, once every bean exists (the features that
 * declare routes use {@link CachedAnswers} themselves).
 */
@Component
class DeclaredRoutes {

	private record Declared(Set<String> routes, List<PathPattern> patterns) {
	}

	private final ObjectProvider<SelfValidatingRoutes> declarations;

	private volatile Declared declared;

	DeclaredRoutes(ObjectProvider<SelfValidatingRoutes> declarations) {
		this.declarations = declarations;
	}

	/** Whether a request path is one of a self-validating route. */
	boolean covers(PathContainer path) {
		for (PathPattern pattern : declared().patterns()) {
			if (pattern.matches(path)) {
				return true;
			}
		}
		return false;
	}

	/** Fails for a route (the pattern that matched a request) that is not declared. */
	void requireDeclared(String route) {
		if (!declared().routes().contains(route)) {
			throw new IllegalStateException("route " + route + " answers through CachedAnswers but is not declared "
					+ "in a SelfValidatingRoutes bean: the ConditionalGetFilter would validate it a second time");
		}
	}

	private Declared declared() {
		Declared current = this.declared;
		if (current == null) {
			Set<String> routes = this.declarations.orderedStream()
				.flatMap((declaration) -> declaration.patterns().stream())
				.collect(Collectors.toUnmodifiableSet());
			current = new Declared(routes, routes.stream().map(PathPatternParser.defaultInstance::parse).toList());
			this.declared = current;
		}
		return current;
	}

}
