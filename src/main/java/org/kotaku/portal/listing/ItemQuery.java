package org.kotaku.portal.listing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.kotaku.portal.api.Params;
import org.kotaku.portal.catalog.Dataset;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * The parameters of a single-row answer ({@code /{id}}): representation and GeoJSON
 * geometry options.
 */
public record ItemQuery(Format format, int precision, boolean geometry) {

	public static final List<String> PARAMETERS = List.of("format", "precision", "geometry");

	public static Params params(ServerRequest request, Set<String> featureParameters) {
		Set<String> allowed = new HashSet<>(PARAMETERS);
		allowed.addAll(featureParameters);
		return Params.of(request, allowed);
	}

	public static ItemQuery parse(ServerRequest request, Params p, Dataset dataset) {
		Format format = Format.negotiate(request, p.text("format", 20), Format.offered(dataset));
		int precision = p.integer("precision", 0, 15).orElse((long) ListQuery.DEFAULT_PRECISION).intValue();
		return new ItemQuery(format, precision, p.bool("geometry").orElse(true));
	}

}
