package org.kotaku.portal.figures;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTests {

	@Test
	void quotesOnlyWhatNeedsQuotingAndWritesNullAsEmpty() {
		List<List<Object>> rows = List
			.of(Arrays.asList("64.71", "Kota \"Baru\", Selatan", null, new BigDecimal("1E+3"), true));
		String csv = new String(Csv.render(List.of("code", "name", "value", "amount", "hasData"), rows).body(),
				StandardCharsets.UTF_8);
		assertThat(csv)
			.isEqualTo("code,name,value,amount,hasData\r\n64.71,\"Kota \"\"Baru\"\", Selatan\",,1000,true\r\n");
	}

	@Test
	void guardsFormulaTextButNotNegativeNumbers() {
		List<List<Object>> rows = List.of(Arrays.asList("64.71", "=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)",
				new BigDecimal("-2.5"), 116.85, -1.25));
		String csv = new String(Csv.render(List.of("code", "name", "unit", "value", "lon", "lat"), rows).body(),
				StandardCharsets.UTF_8);
		assertThat(csv)
			.endsWith("\r\n64.71,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@SUM(A1),-2.5,116.85,-1.25\r\n");
	}

	@Test
	void keepsNonAsciiLettersAsUtf8() {
		String csv = new String(Csv.render(List.of("name"), List.of(List.of("Désa Ñusa"))).body(),
				StandardCharsets.UTF_8);
		assertThat(csv).endsWith("Désa Ñusa\r\n");
	}

}
