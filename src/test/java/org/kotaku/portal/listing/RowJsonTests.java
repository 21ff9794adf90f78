package org.kotaku.portal.listing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The row writer's JSON is character for character what the portal's mapper writes for
 * the same values.
 */
class RowJsonTests {

	@Test
	void everyCharacterIsEscapedAsJacksonEscapesIt() {
		StringBuilder all = new StringBuilder();
		for (char c = 0; c < 0x300; c++) {
			all.append(c);
		}
		all.append("\u2028\u2029 \uD83C\uDFE0 rumah \uD800 lone surrogate \uDFFF");
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("all", all.toString());
		values.put("key \"quoted\"\n", "x");
		values.put("plain", "Kelurahan Gunung Samarinda, RT 05");
		assertSameAsJackson(JsonMapper.builder().build(), values);
	}

	@Test
	void numbersListsNullsAndOtherTypesAreWrittenAsJacksonWritesThem() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("id", "64.71.02.1006-2020-001");
		values.put("budgetIdr", 1_250_000_000L);
		values.put("year", 2020);
		values.put("done", true);
		values.put("none", null);
		values.put("progress", new BigDecimal("12.50"));
		values.put("tiny", new BigDecimal("1E-10"));
		values.put("huge", new BigDecimal("1E+12"));
		values.put("sources", List.of("APBN", "APBD \"kota\""));
		values.put("empty", List.of());
		values.put("mixed", new ArrayList<>(Arrays.asList(1L, null, "a")));
		values.put("date", LocalDate.of(2024, 2, 29));
		assertSameAsJackson(JsonMapper.builder().build(), values);
		assertSameAsJackson(JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build(), values);
	}

	@Test
	void anEmptyRowIsAnEmptyObject() {
		assertSameAsJackson(JsonMapper.builder().build(), Map.of());
	}

	private static void assertSameAsJackson(JsonMapper json, Map<String, Object> values) {
		assertThat(new RowJson(json).object(values)).isEqualTo(json.writeValueAsString(values));
	}

}
