package org.kotaku.portal.ogc;

import java.util.Map;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.api.ProblemType;

/**
 * Problems of the OGC API routes: the portal's problem types plus the OGC exception
 * {@code code} member, so that OGC clients reading {@code code} understand them.
 */
final class OgcProblems {

	private OgcProblems() {
	}

	static PortalException invalidParameter(String parameter, String detail) {
		return new PortalException(ProblemType.INVALID_PARAMETER, detail,
				Map.of("parameter", parameter, "code", "InvalidParameterValue"), null);
	}

	static PortalException notFound(String detail) {
		return new PortalException(ProblemType.NOT_FOUND, detail, Map.of("code", "NotFound"), null);
	}

}
