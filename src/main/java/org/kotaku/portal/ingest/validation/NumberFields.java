package org.kotaku.portal.ingest.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The numeric fields of a {@link RowReader}: whole numbers in a range, whole rupiah,
 * decimals. A JSON number or a CSV text; each problem is rejected on the row with its
 * message, and the field then reads as null.
 */
final class NumberFields {

	private NumberFields() {
	}

	static Long integer(RowReader row, String field, boolean required, long min, long max) {
		Object value = row.value(field);
		if (!RowReader.present(value)) {
			return row.missing(field, required);
		}
		if (value instanceof Integer || value instanceof Long) {
			long whole = ((Number) value).longValue(); // the common case, without
														// BigDecimal arithmetic
			if (whole < min || whole > max) {
				row.reject(field, value, "must be between " + min + " and " + max);
				return null;
			}
			return whole;
		}
		BigDecimal number = number(row, field, value);
		if (number == null) {
			return null;
		}
		if (number.stripTrailingZeros().scale() > 0) {
			row.reject(field, value, "must be a whole number");
			return null;
		}
		if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
			row.reject(field, value, "must be between " + min + " and " + max);
			return null;
		}
		return number.longValueExact();
	}

	static Long rupiah(RowReader row, String field, boolean required) {
		Object value = row.value(field);
		if (!RowReader.present(value)) {
			return row.missing(field, required);
		}
		if (value instanceof Integer || value instanceof Long) {
			long whole = ((Number) value).longValue(); // the common case, without
														// BigDecimal arithmetic
			if (whole < 0) {
				row.reject(field, value, "must not be negative");
				return null;
			}
			return whole;
		}
		BigDecimal number = number(row, field, value);
		if (number == null) {
			return null;
		}
		return wholeRupiah(row, field, value, number);
	}

	private static Long wholeRupiah(RowReader row, String field, Object value, BigDecimal number) {
		if (number.stripTrailingZeros().scale() > 0) {
			row.reject(field, value, "must be whole rupiah (no fractions)");
			return null;
		}
		if (number.signum() < 0) {
			row.reject(field, value, "must not be negative");
			return null;
		}
		if (number.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
			row.reject(field, value, "is too large");
			return null;
		}
		return number.longValueExact();
	}

	static BigDecimal decimal(RowReader row, String field, boolean required, BigDecimal min, BigDecimal max,
			int maxScale) {
		Object value = row.value(field);
		if (!RowReader.present(value)) {
			return row.missing(field, required);
		}
		BigDecimal number = number(row, field, value);
		if (number == null) {
			return null;
		}
		if ((min != null && number.compareTo(min) < 0) || (max != null && number.compareTo(max) > 0)) {
			row.reject(field, value, "must be between " + (min == null ? "-∞" : min.toPlainString()) + " and "
					+ (max == null ? "∞" : max.toPlainString()));
			return null;
		}
		return number.setScale(Math.min(Math.max(number.scale(), 0), maxScale), RoundingMode.HALF_UP);
	}

	/** The value as a number, or null when it is none (rejected). */
	private static BigDecimal number(RowReader row, String field, Object value) {
		try {
			if (value instanceof BigDecimal d) {
				return d;
			}
			if (value instanceof Integer || value instanceof Long || value instanceof Short) {
				return BigDecimal.valueOf(((Number) value).longValue());
			}
			if (value instanceof BigInteger i) {
				return new BigDecimal(i);
			}
			if (value instanceof Double || value instanceof Float) {
				return BigDecimal.valueOf(((Number) value).doubleValue());
			}
			if (value instanceof String s) {
				return new BigDecimal(s.strip());
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		row.reject(field, value, "must be a number");
		return null;
	}

}
