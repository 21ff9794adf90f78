package org.kotaku.portal.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** If-None-Match matching (RFC 9110 weak comparison). */
class ConditionalGetFilterTests {

	@Test
	void matchesWeakOrStrongFormsListsAndStar() {
		String etag = "W/\"7-abc\"";
		assertThat(ConditionalGetFilter.matches("W/\"7-abc\"", etag)).isTrue();
		assertThat(ConditionalGetFilter.matches("\"7-abc\"", etag)).isTrue();
		assertThat(ConditionalGetFilter.matches("\"1-x\", W/\"7-abc\"", etag)).isTrue();
		assertThat(ConditionalGetFilter.matches("*", etag)).isTrue();
		assertThat(ConditionalGetFilter.matches("W/\"8-abc\"", etag)).isFalse();
		assertThat(ConditionalGetFilter.matches(null, etag)).isFalse();
	}

}
