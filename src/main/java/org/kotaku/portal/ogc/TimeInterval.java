package org.kotaku.portal.ogc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The {@code datetime} parameter: an instant or a date, or an interval of two with
 * {@code ..} (or nothing) for an open end (RFC 3339, OGC API - Features 1.0,
 * /req/core/fc-time-definition). Features carry dates, so the bounds are kept as UTC
 * dates; a {@code null} bound is open.
 */
record TimeInterval(LocalDate start, LocalDate end) {

	static final String PARAMETER = "datetime";

	static TimeInterval parse(String text) {
		String[] parts = text.split("/", -1);
		if (parts.length == 1) {
			LocalDate day = bound(parts[0], false);
			return new TimeInterval(day, day);
		}
		if (parts.length != 2) {
			throw invalid("datetime must be an instant, a date, or an interval 'start/end'; got '" + text + "'.");
		}
		TimeInterval interval = new TimeInterval(bound(parts[0], true), bound(parts[1], true));
		if (interval.start == null && interval.end == null) {
			throw invalid("datetime interval must have at least one bound; got '" + text + "'.");
		}
		if (interval.start != null && interval.end != null && interval.start.isAfter(interval.end)) {
			throw invalid("datetime interval must not end before it starts; got '" + text + "'.");
		}
		return interval;
	}

	private static LocalDate bound(String text, boolean mayBeOpen) {
		String value = text.strip();
		if (mayBeOpen && (value.isEmpty() || value.equals(".."))) {
			return null;
		}
		try {
			if (value.length() == 10) {
				return LocalDate.parse(value);
			}
			Instant instant = OffsetDateTime.parse(value).toInstant();
			return LocalDate.ofInstant(instant, ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw invalid(
					"datetime values must be RFC 3339 dates or date-times (2021-03-04 or 2021-03-04T10:00:00Z); got '"
							+ text + "'.");
		}
	}

	private static RuntimeException invalid(String detail) {
		return OgcProblems.invalidParameter(PARAMETER, detail);
	}

}
