package org.kotaku.portal.ingest.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.kotaku.portal.api.PortalException;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NdjsonLinesTests {

	@Test
	void linesSplitAcrossBuffersAreJoinedAndBlankLinesSkipped() {
		NdjsonLines lines = new NdjsonLines(100);
		List<String> out = new ArrayList<>();
		for (String chunk : List.of("{\"a\":1}\r\n{\"b\"", ":2}\n\n  \n{\"c\"", ":3}", "\n", "{\"d\":4}")) {
			lines.split(DefaultDataBufferFactory.sharedInstance.wrap(chunk.getBytes(StandardCharsets.UTF_8)))
				.forEach((l) -> out.add(new String(l, StandardCharsets.UTF_8)));
		}
		lines.rest().forEach((l) -> out.add(new String(l, StandardCharsets.UTF_8)));
		assertThat(out).containsExactly("{\"a\":1}\r", "{\"b\":2}", "{\"c\":3}", "{\"d\":4}");
	}

	@Test
	void aLineAboveTheRowLimitIsRefusedBeforeItEnds() {
		NdjsonLines lines = new NdjsonLines(10);
		assertThatThrownBy(() -> lines.split(DefaultDataBufferFactory.sharedInstance.wrap(new byte[11])))
			.isInstanceOf(PortalException.class)
			.hasMessageContaining("portal.ingest.max-row-size");
	}

}
