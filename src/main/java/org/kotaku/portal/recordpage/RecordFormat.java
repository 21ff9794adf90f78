package org.kotaku.portal.recordpage;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.catalog.Field;
import org.kotaku.portal.catalog.FieldType;
import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.Text;

/**
 * A published value as a record page writes it for people, in Indonesian conventions (the
 * site's first language): {@code Rp 25.213.000}, {@code 66,2%}, {@code 1,73 ha},
 * {@code 28 Juli 2021}, a code by its label in both languages; a missing value says so
 * ({@code belum ada data}), never 0. The page's figures are built from the catalog's
 * field, so the format follows the field's type and unit.
 */
public final class RecordFormat {

	/** What a value that was not reported reads as. */
	public static final String NO_DATA = "belum ada data / no data yet";

	static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

	/** Where the program reports: dates of the data version are given in Jakarta time. */
	static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", INDONESIAN);

	private RecordFormat() {
	}

	/**
	 * One figure of a record: its field's value, labelled, written by the field's type
	 * and unit.
	 */
	public static Figure figure(Dataset dataset, Map<String, Object> values, String field, Text label) {
		Field described = dataset.field(field).orElseThrow(() -> new IllegalArgumentException(field));
		Object value = values.get(field);
		return new Figure(label, field, value, text(described, value), described.unit());
	}

	/** A value of {@code field} for people. */
	public static String text(Field field, Object value) {
		if (value == null) {
			return NO_DATA;
		}
		if (!field.values().isEmpty()) {
			return term(field, value.toString());
		}
		if (field.type() == FieldType.MONEY) {
			return idr(((Number) value).longValue());
		}
		if (field.type() == FieldType.DATE) {
			return date(LocalDate.parse(value.toString()));
		}
		if (value instanceof BigDecimal decimal) {
			return decimal(decimal, field.unit());
		}
		if (value instanceof Number number) {
			// a year as written (2021); a count without its unit (household, person),
			// which the label names
			return isYear(field) ? number.toString() : number(number.longValue());
		}
		return value.toString();
	}

	private static boolean isYear(Field field) {
		return field.name().equals("year") || field.name().endsWith("Year");
	}

	/**
	 * The label of a code in both languages ({@code Drainase / Drainage}); the code
	 * itself when unknown.
	 */
	public static String term(Field field, String code) {
		return label(field, code).map(RecordFormat::both).orElse(code);
	}

	/** The label of a code of {@code field}'s vocabulary, empty when it has none. */
	public static Optional<Text> label(Field field, String code) {
		return field.values().stream().filter((t) -> t.code().equals(code)).map(Term::label).findFirst();
	}

	/** A text in both languages, Indonesian first. */
	public static String both(Text text) {
		return text.id().equals(text.en()) ? text.id() : text.id() + " / " + text.en();
	}

	public static String idr(long rupiah) {
		return "Rp " + number(rupiah);
	}

	public static String number(long value) {
		return NumberFormat.getIntegerInstance(INDONESIAN).format(value);
	}

	/**
	 * A decimal with its unit: a percentage as {@code 66,2%}, hectares as
	 * {@code 1,73 ha}.
	 */
	public static String decimal(BigDecimal value, String unit) {
		NumberFormat format = NumberFormat.getNumberInstance(INDONESIAN);
		format.setMaximumFractionDigits("%".equals(unit) ? 1 : 2);
		String text = format.format(value);
		if (unit == null) {
			return text;
		}
		return "%".equals(unit) ? text + "%" : text + " " + unit;
	}

	public static String date(LocalDate date) {
		return DATE.format(date);
	}

	/** The day of an instant in Jakarta ({@code 4 Desember 2026}). */
	public static String day(Instant instant) {
		return DATE.format(instant.atZone(JAKARTA));
	}

}
