package org.kotaku.portal.readmodel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotRowsTests {

	@Test
	void parsesFiguresWithEmptyAsNull() {
		assertThat(SnapshotRows.figures("1,,-3,9223372036854775807,")).containsExactly(1, Long.MIN_VALUE, -3,
				Long.MAX_VALUE, Long.MIN_VALUE);
		assertThat(SnapshotRows.figures("42")).containsExactly(42);
		assertThat(SnapshotRows.figures(",,,")).hasSize(4).containsOnly(Long.MIN_VALUE);
	}

}
