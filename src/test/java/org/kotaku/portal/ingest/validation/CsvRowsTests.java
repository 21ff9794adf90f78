package org.kotaku.portal.ingest.validation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 4180 as spreadsheets write it: quoted cells with commas, doubled quotes and line
 * breaks, CRLF, a BOM.
 */
class CsvRowsTests {

	@Test
	void readsQuotedCellsLineBreaksAndAByteOrderMark() {
		String csv = "\uFEFFid,name,villages\r\nA-1,\"Jalan \"\"Merdeka\"\", RT 02\",64.71.01.1001;64.71.01.1002\r\n"
				+ "A-2,\"two\r\nlines\",\r\n";
		List<Map<String, Object>> rows = new ArrayList<>();
		CsvRows.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))).forEachRemaining(rows::add);
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).containsEntry("id", "A-1")
			.containsEntry("name", "Jalan \"Merdeka\", RT 02")
			.containsEntry("villages", "64.71.01.1001;64.71.01.1002");
		assertThat(rows.get(1)).containsEntry("id", "A-2").containsEntry("name", "two\r\nlines");
		assertThat(new RowReader(2, rows.get(1)).has("villages")).isFalse();
	}

}
