package org.kotaku.portal.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.r2dbc.spi.R2dbcException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * The one place that turns a throwable into an RFC 9457 problem: portal errors keep their
 * own type and detail, framework errors their status, a value the database refuses
 * (SQLSTATE class 22) 400 or 422, other database failures 503 with Retry-After, and
 * anything else 500, with a generic detail (the cause is logged, never sent).
 */
public final class Problems {

	/**
	 * The extension member (and the source of the Retry-After header) saying when to
	 * retry.
	 */
	public static final String RETRY_AFTER = "retryAfterSeconds";

	/**
	 * The extension member naming the request (the {@code X-Request-Id} of the answer),
	 * as in the logs.
	 */
	public static final String REQUEST_ID = "requestId";

	/** The header that names a request, in both directions (web.RequestIds). */
	public static final String REQUEST_ID_HEADER = "X-Request-Id";

	/**
	 * Retry-After of a 503 that does not know better (the database reconnects within
	 * seconds).
	 */
	static final int DEFAULT_RETRY_AFTER_SECONDS = 5;

	/** SQLSTATE class 22, data exception: a value out of range or of the wrong form. */
	private static final String DATA_EXCEPTION = "22";

	private static final Log log = LogFactory.getLog(Problems.class);

	private Problems() {
	}

	/** A problem document, ready to be written as {@code application/problem+json}. */
	public record Problem(ProblemType type, int status, String detail, Map<String, Object> extensions) {

		public Map<String, Object> body(String instance) {
			return body(instance, null);
		}

		/**
		 * The document of this problem at {@code instance}, with {@code requestId} when
		 * not null.
		 */
		public Map<String, Object> body(String instance, String requestId) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", this.type.uri().toString());
			body.put("title", this.type.title());
			body.put("status", this.status);
			body.put("detail", this.detail);
			body.put("instance", instance);
			if (requestId != null) {
				body.put(REQUEST_ID, requestId);
			}
			body.putAll(this.extensions);
			return body;
		}

	}

	/**
	 * The problem of {@code ex}; {@code readRequest} tells a GET or HEAD (a value the
	 * database refuses is then a 400, in an upload a 422). Every 503 names when to retry.
	 */
	public static Problem from(Throwable ex, boolean readRequest) {
		Problem problem = problemOf(ex, readRequest);
		if (problem.status() != 503 || problem.extensions().containsKey(RETRY_AFTER)) {
			return problem;
		}
		Map<String, Object> extensions = new LinkedHashMap<>(problem.extensions());
		extensions.put(RETRY_AFTER, DEFAULT_RETRY_AFTER_SECONDS);
		return new Problem(problem.type(), 503, problem.detail(), extensions);
	}

	private static Problem problemOf(Throwable ex, boolean readRequest) {
		if (ex instanceof PortalException portal) {
			return new Problem(portal.type(), portal.type().status().value(), portal.detail(), portal.extensions());
		}
		if (ex instanceof ResponseStatusException status) {
			return fromStatus(status);
		}
		String sqlState = sqlState(ex);
		if (sqlState != null && sqlState.startsWith(DATA_EXCEPTION)) {
			log.info("value refused by the database: " + ex);
			return new Problem(ProblemType.INVALID_VALUE, readRequest ? 400 : 422, "A value in this request is one the "
					+ "database cannot store or compare (SQLSTATE " + sqlState + ", e.g. a number out of range, an "
					+ "impossible date or a NUL character). Nothing was written; correct the value and send it again.",
					Map.of("sqlState", sqlState));
		}
		if (PublicQueryTimeout.QUERY_CANCELED.equals(sqlState)) {
			log.warn("statement cancelled: " + ex);
			return new Problem(ProblemType.SERVICE_UNAVAILABLE, 503, "This request kept the database busy longer than "
					+ "the limit for one query (portal.database.statement-timeout) and was cancelled. Narrow it (a "
					+ "filter, a smaller area) or retry shortly.", Map.of());
		}
		if (ex instanceof DataAccessException || ex instanceof R2dbcException) {
			log.warn("database failure: " + ex);
			return new Problem(ProblemType.SERVICE_UNAVAILABLE, 503,
					"The database is not reachable right now; please retry shortly.", Map.of());
		}
		log.error("unexpected failure", ex);
		return new Problem(ProblemType.INTERNAL, 500, "An unexpected error occurred.", Map.of());
	}

	/**
	 * The SQLSTATE of the first database error in the cause chain, null when there is
	 * none.
	 */
	private static String sqlState(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof R2dbcException database && database.getSqlState() != null) {
				return database.getSqlState();
			}
		}
		return null;
	}

	private static Problem fromStatus(ResponseStatusException ex) {
		HttpStatusCode status = ex.getStatusCode();
		ProblemType type = switch (status.value()) {
			case 400 ->
				ex instanceof ServerWebInputException ? ProblemType.MALFORMED_BODY : ProblemType.INVALID_PARAMETER;
			case 404 -> ProblemType.NOT_FOUND;
			case 405 -> ProblemType.METHOD_NOT_ALLOWED;
			case 406 -> ProblemType.NOT_ACCEPTABLE;
			case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
			case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
			case 503 -> ProblemType.SERVICE_UNAVAILABLE;
			default -> status.is5xxServerError() ? ProblemType.INTERNAL : ProblemType.INVALID_PARAMETER;
		};
		String detail = detailOf(ex);
		if (status.is5xxServerError()) {
			log.error("server error", ex);
		}
		return new Problem(type, status.value(), detail, Map.of());
	}

	private static String detailOf(ResponseStatusException ex) {
		if (ex instanceof MethodNotAllowedException m) {
			return "Method " + m.getHttpMethod() + " is not allowed here; use one of " + m.getSupportedMethods() + ".";
		}
		if (ex instanceof UnsupportedMediaTypeStatusException u) {
			return "Content type " + u.getContentType() + " is not supported here; use one of "
					+ u.getSupportedMediaTypes() + ".";
		}
		if (ex instanceof NotAcceptableStatusException n) {
			return "None of the requested media types can be produced; available: " + n.getSupportedMediaTypes() + ".";
		}
		return ex.getStatusCode().value() == 404 ? "No resource at this path." : reasonOf(ex);
	}

	private static String reasonOf(ResponseStatusException ex) {
		return ex.getReason() != null ? ex.getReason() : ex.getStatusCode().toString();
	}

}
