package org.kotaku.portal.listing;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.kotaku.portal.api.Params;
import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.api.ProblemType;
import org.kotaku.portal.catalog.Dataset;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * The representations of a listing, chosen by the {@code format} parameter or else by the
 * {@code Accept} header (JSON when the client accepts anything).
 */
public enum Format {

	JSON("json", MediaType.APPLICATION_JSON), CSV("csv", new MediaType("text", "csv")),
	GEOJSON("geojson", MediaType.parseMediaType("application/geo+json"));

	private final String parameter;

	private final MediaType mediaType;

	Format(String parameter, MediaType mediaType) {
		this.parameter = parameter;
		this.mediaType = mediaType;
	}

	public String parameter() {
		return this.parameter;
	}

	public MediaType mediaType() {
		return this.mediaType;
	}

	/** The representations of a dataset: GeoJSON only where records have a geometry. */
	public static Set<Format> offered(Dataset dataset) {
		return dataset.hasGeometry() ? Set.of(JSON, CSV, GEOJSON) : Set.of(JSON, CSV);
	}

	/**
	 * The format named by {@code format=}, else the best of {@code Accept}; 406 when none
	 * fits.
	 */
	public static Format negotiate(ServerRequest request, Optional<String> parameter, Set<Format> offered) {
		if (parameter.isPresent()) {
			return Arrays.stream(values())
				.filter((f) -> offered.contains(f) && f.parameter.equals(parameter.get()))
				.findFirst()
				.orElseThrow(
						() -> Params.invalid("format", "Unknown format '" + parameter.get() + "'.", names(offered)));
		}
		List<MediaType> accepted = request.headers().accept();
		if (accepted.isEmpty()) {
			return JSON;
		}
		List<MediaType> byQuality = accepted.stream()
			.filter((type) -> type.getQualityValue() > 0)
			.sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
			.toList();
		for (MediaType type : byQuality) {
			Optional<Format> match = Arrays.stream(values())
				.filter((f) -> offered.contains(f) && type.isCompatibleWith(f.mediaType))
				.findFirst();
			if (match.isPresent()) {
				return match.get();
			}
		}
		throw new PortalException(ProblemType.NOT_ACCEPTABLE,
				"None of the accepted media types can be produced here; " + "available: "
						+ offered.stream().map((f) -> f.mediaType.toString()).collect(Collectors.joining(", "))
						+ " (or use format=" + String.join("|", names(offered)) + ").");
	}

	private static Set<String> names(Set<Format> offered) {
		return Arrays.stream(values())
			.filter(offered::contains)
			.map(Format::parameter)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

}
