package org.kotaku.portal.regioncode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RegionCodeTests {

	@ParameterizedTest
	@CsvSource({ "64,64,1", "6471,64.71,2", "64.71,64.71,2", "647101,64.71.01,3", "6471011001,64.71.01.1001,4",
			"' 64.71.01.1001 ',64.71.01.1001,4" })
	void acceptsCodesWithOrWithoutDots(String input, String dotted, int level) {
		RegionCode code = RegionCode.parse(input).orElseThrow();
		assertThat(code.dotted()).isEqualTo(dotted);
		assertThat(code.level()).isEqualTo(level);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "6", "647", "64.7", "64-71", "64.71.01.100", "abcd", "64..71" })
	void rejectsMalformedCodes(String input) {
		assertThat(RegionCode.parse(input)).isEmpty();
	}

	@Test
	void impliesTypeFromTheCode() {
		assertThat(RegionCode.parse("64.71").orElseThrow().impliedType()).isEqualTo("kota");
		assertThat(RegionCode.parse("64.01").orElseThrow().impliedType()).isEqualTo("kabupaten");
		assertThat(RegionCode.parse("64.71.01.1001").orElseThrow().impliedType()).isEqualTo("kelurahan");
		assertThat(RegionCode.parse("11.01.01.2001").orElseThrow().impliedType()).isEqualTo("desa");
		assertThat(RegionCode.parse("91.01.01.3001").orElseThrow().impliedType()).isEqualTo("desa_adat");
	}

	@Test
	void knowsItsParent() {
		assertThat(RegionCode.parse("64.71.01.1001").orElseThrow().parent()).contains("64.71.01");
		assertThat(RegionCode.parse("64").orElseThrow().parent()).isEmpty();
	}

}
