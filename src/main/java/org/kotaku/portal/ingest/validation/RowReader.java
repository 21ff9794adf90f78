package org.kotaku.portal.ingest.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kotaku.portal.regioncode.RegionCode;

/**
 * Reads the typed fields of one uploaded row and collects every problem instead of
 * stopping at the first. A row comes from JSON (values are strings, numbers, booleans,
 * objects, arrays or null) or from CSV (every value is a string; an empty string is
 * null). Each getter returns null when the field is absent or invalid; {@link #errors()}
 * then says why.
 */
public final class RowReader {

	/**
	 * Indonesia's extent with a margin: every location the program publishes lies inside
	 * it.
	 */
	public static final double MIN_LON = 94.0, MAX_LON = 142.0, MIN_LAT = -11.5, MAX_LAT = 6.5;

	/**
	 * The dates a program record can carry (decrees, activities); the database could not
	 * hold year 0.
	 */
	static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1), LAST_DATE = LocalDate.of(2100, 12, 31);

	private final long rowNumber;

	private final Map<String, Object> values;

	private final List<RowError> errors = new ArrayList<>(2);

	private final Set<String> read = new HashSet<>();

	public RowReader(long rowNumber, Map<String, Object> values) {
		this.rowNumber = rowNumber;
		this.values = values;
	}

	public long rowNumber() {
		return this.rowNumber;
	}

	public List<RowError> errors() {
		return this.errors;
	}

	/**
	 * The value of a field, noting that the field was read (see {@link #rejectUnread()}).
	 */
	Object value(String field) {
		this.read.add(field);
		return this.values.get(field);
	}

	/**
	 * Rejects every field of the row that holds a value but that reading the row did not
	 * ask for: it would be dropped silently, so a misspelt {@code budgetIDR} would be
	 * stored as an absent budget (an empty CSV cell drops nothing). {@code except} are
	 * fields read elsewhere (the operation).
	 */
	public void rejectUnread(Set<String> except) {
		for (Map.Entry<String, Object> entry : this.values.entrySet()) {
			if (present(entry.getValue()) && !this.read.contains(entry.getKey()) && !except.contains(entry.getKey())) {
				reject(entry.getKey(), entry.getValue(), "is not a field of this dataset; check its spelling against "
						+ "the ingestion contract (README) or leave it out");
			}
		}
	}

	public boolean valid() {
		return this.errors.isEmpty();
	}

	public boolean has(String field) {
		return present(value(field));
	}

	static boolean present(Object value) {
		return value != null && !(value instanceof String s && s.isBlank());
	}

	public Object raw(String field) {
		return value(field);
	}

	public void reject(String field, Object value, String message) {
		this.errors
			.add(new RowError(this.rowNumber, field, value == null ? null : abbreviate(value.toString()), message));
	}

	public String text(String field, boolean required, int maxLength) {
		Object value = value(field);
		if (!present(value)) {
			return missing(field, required);
		}
		if (!(value instanceof String || value instanceof Number)) {
			reject(field, value, "must be text");
			return null;
		}
		String text = value.toString().strip();
		if (text.length() > maxLength) {
			reject(field, value, "must be at most " + maxLength + " characters");
			return null;
		}
		int control = controlCharacter(text);
		if (control >= 0) {
			reject(field, value, "must not hold the control character U+" + String.format("%04X", control)
					+ " (tab and line breaks are allowed)");
			return null;
		}
		return text;
	}

	/**
	 * The first control character other than tab, line feed and carriage return, or -1.
	 */
	private static int controlCharacter(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
				return c;
			}
		}
		return -1;
	}

	public String choice(String field, boolean required, Set<String> allowed) {
		String text = text(field, required, 100);
		if (text != null && !allowed.contains(text)) {
			reject(field, text, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
			return null;
		}
		return text;
	}

	/**
	 * A Kemendagri region code of the given level (1-4), with or without dots; returned
	 * dotted.
	 */
	public String regionCode(String field, boolean required, int level) {
		String text = text(field, required, 20);
		if (text == null) {
			return null;
		}
		return RegionCode.parse(text)
			.filter((c) -> level == 0 || c.level() == level)
			.map(RegionCode::dotted)
			.orElseGet(() -> {
				reject(field, text, level == 0 ? "must be a Kemendagri region code such as 64.71 or 6471"
						: "must be a Kemendagri code of level " + level + " (" + RegionCode.example(level) + ")");
				return null;
			});
	}

	public Long integer(String field, boolean required, long min, long max) {
		return NumberFields.integer(this, field, required, min, max);
	}

	/** Money in whole rupiah, never negative. */
	public Long rupiah(String field, boolean required) {
		return NumberFields.rupiah(this, field, required);
	}

	public BigDecimal decimal(String field, boolean required, BigDecimal min, BigDecimal max, int maxScale) {
		return NumberFields.decimal(this, field, required, min, max, maxScale);
	}

	public LocalDate date(String field, boolean required) {
		String text = text(field, required, 10);
		if (text == null) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text);
			if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
				reject(field, text, "must be between " + FIRST_DATE + " and " + LAST_DATE);
				return null;
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			reject(field, text, "must be an ISO date (YYYY-MM-DD)");
			return null;
		}
	}

	public Boolean bool(String field, boolean defaultValue) {
		Object value = value(field);
		if (!has(field)) {
			return defaultValue;
		}
		if (value instanceof Boolean b) {
			return b;
		}
		String text = value.toString().strip().toLowerCase();
		if (text.equals("true") || text.equals("false")) {
			return Boolean.valueOf(text);
		}
		reject(field, value, "must be true or false");
		return null;
	}

	/**
	 * A point location inside Indonesia: a GeoJSON Point (or WKT {@code POINT (lon lat)}
	 * in CSV) in {@code field}, or {@code lon}/{@code lat} fields (CSV). Returns {lon,
	 * lat}.
	 */
	public double[] point(String field, boolean required) {
		return GeometryFields.point(this, field, required);
	}

	/**
	 * A polygon geometry as GeoJSON text (JSON object or string; WKT in CSV), to be
	 * parsed and checked by PostGIS when the batch is staged.
	 */
	public String geoJson(String field, boolean required) {
		return GeometryFields.geoJson(this, field, required);
	}

	public static boolean insideIndonesia(double lon, double lat) {
		return lon >= MIN_LON && lon <= MAX_LON && lat >= MIN_LAT && lat <= MAX_LAT;
	}

	<T> T missing(String field, boolean required) {
		if (required) {
			reject(field, null, "is required");
		}
		return null;
	}

	private static String abbreviate(String text) {
		return text.length() <= 120 ? text : text.substring(0, 117) + "...";
	}

}
