package org.kotaku.portal.demo;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.ingest.dataset.Dataset;

import static org.assertj.core.api.Assertions.assertThat;

class DemoExportTests {

	private final DemoDataset tiny = new DemoDataset(DemoScale.TINY, 7);

	@Test
	void writesOneJsonObjectPerRowInGeneratorOrder() throws IOException {
		StringWriter out = new StringWriter();
		long written = DemoExport.write(this.tiny, Dataset.ACTIVITIES, out);
		List<Map<String, Object>> expected = this.tiny.rows(Dataset.ACTIVITIES).collectList().block();
		String[] lines = out.toString().split("\n");
		assertThat(written).isEqualTo(expected.size()).isEqualTo(lines.length).isGreaterThan(100);
		assertThat(out.toString()).endsWith("\n");
		JsonMapper json = JsonMapper.builder().build();
		assertThat(json.readValue(lines[0], Map.class)).containsEntry("id", expected.get(0).get("id"))
			.containsEntry("village", expected.get(0).get("village"))
			.containsKey("location");
		assertThat(json.readValue(lines[lines.length - 1], Map.class)).containsEntry("id",
				expected.get(expected.size() - 1).get("id"));
	}

}
