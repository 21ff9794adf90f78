package org.kotaku.portal.bulk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order bulk files and their deltas rely on: Unicode code points, as PostgreSQL's
 * {@code collate "C"}.
 */
class DeltaOrderTests {

	@Test
	void comparesByCodePointNotByUtf16Unit() {
		// U+FFFF before U+1F3E0, although the surrogate pair of the latter starts with a
		// lower UTF-16 unit
		assertThat(Delta.compareCodePoints("\uFFFF", "\uD83C\uDFE0")).isNegative();
		assertThat(Delta.compareCodePoints("\uD83C\uDFE0", "\uFFFF")).isPositive();
		assertThat("\uFFFF".compareTo("\uD83C\uDFE0")).as("what String.compareTo would say").isPositive();
	}

	@Test
	void aPrefixComesFirstAndEqualTextIsEqual() {
		assertThat(Delta.compareCodePoints("ACT-1", "ACT-10")).isNegative();
		assertThat(Delta.compareCodePoints("ACT-10", "ACT-1")).isPositive();
		assertThat(Delta.compareCodePoints("ACT-2", "ACT-10")).isPositive();
		assertThat(Delta.compareCodePoints("", "")).isZero();
		assertThat(Delta.compareCodePoints("A/\uD83C\uDFE0", "A/\uD83C\uDFE0")).isZero();
		assertThat(Delta.compareCodePoints("", "a")).isNegative();
	}

}
