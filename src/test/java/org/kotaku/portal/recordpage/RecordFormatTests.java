package org.kotaku.portal.recordpage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.catalog.Text;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record page writes the catalog's values for people in Indonesian conventions, and
 * never a missing one as 0.
 */
class RecordFormatTests {

	@Test
	void valuesAreWrittenByTheirFieldsTypeAndUnit() {
		Map<String, Object> values = new HashMap<>();
		values.put("budgetIdr", 25_213_000L);
		values.put("physicalProgress", new BigDecimal("66.25"));
		values.put("fiscalYear", 2021L);
		values.put("startDate", "2021-07-28");
		values.put("type", "drainage");
		values.put("beneficiaryPeople", 1_234L);
		values.put("outputVolume", null);
		assertThat(text(values, "budgetIdr")).isEqualTo("Rp 25.213.000");
		assertThat(text(values, "physicalProgress")).isEqualTo("66,2%");
		assertThat(text(values, "fiscalYear")).isEqualTo("2021");
		assertThat(text(values, "startDate")).isEqualTo("28 Juli 2021");
		assertThat(text(values, "type")).isEqualTo("Drainase / Drainage");
		assertThat(text(values, "beneficiaryPeople")).isEqualTo("1.234");
		assertThat(text(values, "outputVolume")).isEqualTo(RecordFormat.NO_DATA);
		assertThat(RecordFormat.decimal(new BigDecimal("1.73"), "ha")).isEqualTo("1,73 ha");
		assertThat(RecordFormat.day(Instant.parse("2026-12-04T18:04:12Z"))).as("in Jakarta time")
			.isEqualTo("5 Desember 2026");
	}

	private static String text(Map<String, Object> values, String field) {
		return RecordFormat.figure(Catalog.ACTIVITIES, values, field, Text.of("x", "y")).text();
	}

}
