package org.kotaku.portal.catalog;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellTests {

	@Test
	void cellsAreQuotedOnlyWhenNeeded() {
		assertThat(CsvCell.of("plain Ñoño")).isEqualTo("plain Ñoño");
		assertThat(CsvCell.of("a, b")).isEqualTo("\"a, b\"");
		assertThat(CsvCell.of("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(CsvCell.of("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
		assertThat(CsvCell.of(new BigDecimal("1E+3"))).isEqualTo("1000");
		assertThat(CsvCell.of(List.of("64.71.01.1001", "64.71.01.1002"))).isEqualTo("64.71.01.1001;64.71.01.1002");
		assertThat(CsvCell.of(null)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"http://x\",\"y\")", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'quoted" })
	void textThatASpreadsheetWouldRunGetsALeadingApostropheAndReadsBack(String text) {
		String cell = CsvCell.text(text);
		String unquoted = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
		assertThat(unquoted).isEqualTo("'" + text);
		assertThat(CsvCell.unguarded(unquoted)).isEqualTo(text);
		assertThat(FieldType.STRING.fromCsv(unquoted)).isEqualTo(text);
	}

	@Test
	void numbersAndHarmlessTextAreLeftAlone() {
		assertThat(CsvCell.of(-1.25)).isEqualTo("-1.25");
		assertThat(CsvCell.of(-7L)).isEqualTo("-7");
		assertThat(CsvCell.of(new BigDecimal("-116.5"))).isEqualTo("-116.5");
		assertThat(CsvCell.of("a = b")).isEqualTo("a = b");
		assertThat(CsvCell.of("don't")).isEqualTo("don't");
		assertThat(CsvCell.of("")).isEmpty();
		assertThat(CsvCell.unguarded("'")).isEqualTo("'");
		assertThat(CsvCell.unguarded("'plain")).isEqualTo("'plain");
	}

}
