package org.kotaku.portal.regioncode;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Kemendagri administrative code: province {@code 64}, regency {@code 64.71}, district
 * {@code 64.71.01}, village {@code 64.71.01.1001}. Accepted with or without dots; always
 * written dotted.
 */
public record RegionCode(String dotted, int level) {

	private static final Pattern DOTTED = Pattern.compile("\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?");

	private static final Pattern DIGITS = Pattern.compile("\\d{2}|\\d{4}|\\d{6}|\\d{10}");

	public static Optional<RegionCode> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String code = text.strip();
		if (DIGITS.matcher(code).matches()) {
			code = dot(code);
		}
		if (!DOTTED.matcher(code).matches()) {
			return Optional.empty();
		}
		return Optional.of(new RegionCode(code, levelOf(code)));
	}

	/**
	 * The level of a dotted code already checked, 0 for the empty code of Indonesia as a
	 * whole.
	 */
	public static int levelOf(String dotted) {
		return dotted.isEmpty() ? 0 : (int) dotted.chars().filter((c) -> c == '.').count() + 1;
	}

	public String digits() {
		return this.dotted.replace(".", "");
	}

	/** The parent's code, or empty for a province. */
	public Optional<String> parent() {
		int cut = this.dotted.lastIndexOf('.');
		return cut < 0 ? Optional.empty() : Optional.of(this.dotted.substring(0, cut));
	}

	/**
	 * The region type the code itself implies: kabupaten 01-69 and kota 71-99 at level 2;
	 * kelurahan, desa or desa adat by the first of the four village digits.
	 */
	public String impliedType() {
		return switch (this.level) {
			case 1 -> "provinsi";
			case 2 -> Integer.parseInt(this.dotted.substring(3, 5)) >= 71 ? "kota" : "kabupaten";
			case 3 -> "kecamatan";
			default -> switch (this.dotted.charAt(9)) {
				case '1' -> "kelurahan";
				case '3' -> "desa_adat";
				default -> "desa";
			};
		};
	}

	public static String example(int level) {
		return switch (level) {
			case 1 -> "e.g. 64";
			case 2 -> "e.g. 64.71";
			case 3 -> "e.g. 64.71.01";
			default -> "e.g. 64.71.01.1001";
		};
	}

	private static String dot(String digits) {
		StringBuilder out = new StringBuilder(digits.substring(0, 2));
		if (digits.length() >= 4) {
			out.append('.').append(digits, 2, 4);
		}
		if (digits.length() >= 6) {
			out.append('.').append(digits, 4, 6);
		}
		if (digits.length() == 10) {
			out.append('.').append(digits, 6, 10);
		}
		return out.toString();
	}

}
