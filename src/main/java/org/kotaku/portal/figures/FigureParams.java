package org.kotaku.portal.figures;

import java.util.Set;

import org.kotaku.portal.api.Params;
import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.readmodel.Snapshot;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * The parameters the aggregate endpoints share, read through {@link Params} (unknown,
 * repeated or malformed parameters are 400 problems naming them) and checked against the
 * snapshot (an unknown region is a 404).
 */
public final class FigureParams {

	/** Representations of the endpoints that offer CSV. */
	enum Format {

		JSON, CSV

	}

	private FigureParams() {
	}

	/** The request's parameters; {@code names} are all the endpoint accepts. */
	public static Params of(ServerRequest request, String... names) {
		return Params.of(request, Set.of(names));
	}

	/** The {@code year} parameter, 0 when absent (all years). */
	public static int year(Params params) {
		return params.integer("year", 2010, 2100).orElse(0L).intValue();
	}

	/**
	 * The {@code level} parameter (1 province .. 4 village), or {@code fallback} when
	 * absent.
	 */
	public static int level(Params params, int fallback) {
		return params.integer("level", 1, 4).orElse((long) fallback).intValue();
	}

	/**
	 * A region code parameter in dotted form, {@link Snapshot#NATIONAL} when absent; 404
	 * when unknown.
	 */
	public static String region(Params params, String name, Snapshot snapshot) {
		return params.region(name).map((code) -> known(snapshot, code.dotted())).orElse(Snapshot.NATIONAL);
	}

	/**
	 * The region code of the path, in dotted form; 400 when malformed, 404 when unknown.
	 */
	public static String pathRegion(ServerRequest request, Snapshot snapshot) {
		return known(snapshot, Params.regionCode("code", request.pathVariable("code")).dotted());
	}

	private static String known(Snapshot snapshot, String dotted) {
		if (snapshot.region(dotted).isEmpty()) {
			throw PortalException.notFound("No region with code " + dotted + ".");
		}
		return dotted;
	}

	/**
	 * {@code format=json|csv}, else CSV when the Accept header asks for text/csv, else
	 * JSON.
	 */
	static Format format(ServerRequest request, Params params) {
		return params.choice("format", Format.class).orElseGet(() -> {
			String accept = request.headers().firstHeader(HttpHeaders.ACCEPT);
			return accept != null && accept.contains("text/csv") ? Format.CSV : Format.JSON;
		});
	}

}
