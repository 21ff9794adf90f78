package org.kotaku.portal.ingest.pipeline;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CopyTextTests {

	@Test
	void escapesSpecialCharactersAndWritesNulls() {
		StringBuilder out = new StringBuilder();
		CopyText.appendLine(out,
				new Object[] { "a\tb\\c\nd", null, new BigDecimal("1E+3"), List.of("64.71", "64.72") });
		assertThat(out).hasToString("a\\tb\\\\c\\nd\t\\N\t1000\t{\"64.71\",\"64.72\"}\n");
	}

}
