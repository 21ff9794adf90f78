package org.kotaku.portal.bulk;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Splitting a CSV text into its records, as the deltas compare them. */
class CsvRecordsTests {

	@Test
	void splitsAtLineBreaksOutsideQuotesOnly() throws IOException {
		assertThat(records("id,name\r\nA,\"two\r\nlines\"\r\nB,\"say \"\"hi\"\"\"\r\n")).containsExactly("id,name",
				"A,\"two\r\nlines\"", "B,\"say \"\"hi\"\"\"");
	}

	@Test
	void aLastRecordWithoutLineBreakAndBareLineFeedsAreRecordsToo() throws IOException {
		assertThat(records("a\nb\r\nc")).containsExactly("a", "b", "c");
		assertThat(records("")).isEmpty();
	}

	@Test
	void aRecordLongerThanTheBufferStaysWhole() throws IOException {
		String longCell = "x".repeat(200_000);
		assertThat(records("1,\"" + longCell + "\"\r\n2," + longCell + "\r\n"))
			.containsExactly("1,\"" + longCell + "\"", "2," + longCell);
	}

	@Test
	void theFirstCellIsUnquoted() {
		assertThat(CsvRecords.firstCell("ACT-1,x,y")).isEqualTo("ACT-1");
		assertThat(CsvRecords.firstCell("\"A,\"\"1\"\"\",x")).isEqualTo("A,\"1\"");
		assertThat(CsvRecords.firstCell("only")).isEqualTo("only");
	}

	private static List<String> records(String text) throws IOException {
		CsvRecords records = new CsvRecords(new StringReader(text));
		List<String> all = new ArrayList<>();
		for (String record = records.next(); record != null; record = records.next()) {
			all.add(record);
		}
		return all;
	}

}
