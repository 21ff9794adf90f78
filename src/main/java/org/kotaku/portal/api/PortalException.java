package org.kotaku.portal.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error with a public answer: its problem type, a detail that is safe to show to
 * anyone, and optional extension members (for example the parameter name and its allowed
 * values). The message for logs may say more than the public detail.
 */
public class PortalException extends RuntimeException {

	private final ProblemType type;

	private final String detail;

	private final Map<String, Object> extensions;

	public PortalException(ProblemType type, String detail) {
		this(type, detail, Map.of(), null);
	}

	public PortalException(ProblemType type, String detail, Map<String, Object> extensions, Throwable cause) {
		super(detail, cause);
		this.type = type;
		this.detail = detail;
		this.extensions = new LinkedHashMap<>(extensions);
	}

	public static PortalException invalidParameter(String parameter, String detail) {
		return new PortalException(ProblemType.INVALID_PARAMETER, detail, Map.of("parameter", parameter), null);
	}

	/** A malformed standard request header, named in the {@code header} member. */
	public static PortalException invalidHeader(String header, String detail) {
		return new PortalException(ProblemType.INVALID_HEADER, detail, Map.of("header", header), null);
	}

	public static PortalException notFound(String detail) {
		return new PortalException(ProblemType.NOT_FOUND, detail);
	}

	public ProblemType type() {
		return this.type;
	}

	public String detail() {
		return this.detail;
	}

	public Map<String, Object> extensions() {
		return this.extensions;
	}

}
