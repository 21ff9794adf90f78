package org.kotaku.portal.api;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * The kinds of error the portal answers with, each with a stable {@code type} URI
 * (relative to the portal; documented in openapi/portal.yaml and at
 * {@code /problems/{slug}}) and its HTTP status.
 */
public enum ProblemType {

	INVALID_PARAMETER("invalid-parameter", "Invalid request parameter", HttpStatus.BAD_REQUEST),
	INVALID_HEADER("invalid-header", "Invalid request header", HttpStatus.BAD_REQUEST),
	INVALID_VALUE("invalid-value", "Value not accepted by the database", HttpStatus.BAD_REQUEST),
	MALFORMED_REQUEST("malformed-request", "Malformed request", HttpStatus.BAD_REQUEST),
	URI_TOO_LONG("uri-too-long", "Request URI too long", HttpStatus.URI_TOO_LONG),
	HEADERS_TOO_LARGE("headers-too-large", "Request headers too large", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE),
	MALFORMED_BODY("malformed-body", "Malformed request body", HttpStatus.BAD_REQUEST),
	UNAUTHORIZED("unauthorized", "Missing or invalid credentials", HttpStatus.UNAUTHORIZED),
	FORBIDDEN("forbidden", "Not allowed", HttpStatus.FORBIDDEN),
	NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
	METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
	NOT_ACCEPTABLE("not-acceptable", "No acceptable representation", HttpStatus.NOT_ACCEPTABLE),
	CONFLICT("conflict", "Conflict", HttpStatus.CONFLICT), GONE("gone", "No longer available", HttpStatus.GONE),
	RANGE_NOT_SATISFIABLE("range-not-satisfiable", "Range not satisfiable", HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE),
	REQUEST_TIMEOUT("request-timeout", "Request too slow", HttpStatus.REQUEST_TIMEOUT),
	PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", HttpStatus.PAYLOAD_TOO_LARGE),
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
	INVALID_ROWS("invalid-rows", "Invalid rows in batch", HttpStatus.UNPROCESSABLE_CONTENT),
	RATE_LIMITED("rate-limited", "Too many requests", HttpStatus.TOO_MANY_REQUESTS),
	SERVICE_UNAVAILABLE("service-unavailable", "Service temporarily unavailable", HttpStatus.SERVICE_UNAVAILABLE),
	INTERNAL("internal-error", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR);

	private final String slug;

	private final String title;

	private final HttpStatus status;

	ProblemType(String slug, String title, HttpStatus status) {
		this.slug = slug;
		this.title = title;
		this.status = status;
	}

	public URI uri() {
		return URI.create("/problems/" + this.slug);
	}

	public String slug() {
		return this.slug;
	}

	public String title() {
		return this.title;
	}

	public HttpStatus status() {
		return this.status;
	}

}
