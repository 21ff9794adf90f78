package org.kotaku.portal.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryStringTests {

	@ParameterizedTest
	@ValueSource(strings = { "", "q=balikpapan", "q=Jawa+Barat&limit=5", "q=%C3%A9%E2%82%AC%F0%9F%8F%A0", "q=é€",
			"flag", "a=&b=1", "q=100%25", "q=%7e" })
	void wellFormedQueriesPass(String raw) {
		QueryString.check(raw);
		assertThat(QueryString.wellFormed(raw)).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "q=a%00b|q|U+0000", "limit=5&q=a%0Ab|q|U+000A", "q=%7F|q|U+007F", "q=%C2%85|q|U+0085",
					"q%01=1|q%01|U+0001", "q=%FF|q|UTF-8", "q=%C3|q|UTF-8", "q=%ED%A0%80|q|UTF-8",
					"q=50%|q|two hex digits", "q=%zz|q|two hex digits", "year=2020&q=%4|q|two hex digits" })
	void aBadParameterIsNamed(String raw, String parameter, String said) {
		assertThatThrownBy(() -> QueryString.check(raw)).isInstanceOfSatisfying(PortalException.class, (ex) -> {
			assertThat(ex.type()).isEqualTo(ProblemType.INVALID_PARAMETER);
			assertThat(ex.extensions()).containsEntry("parameter", parameter);
			assertThat(ex.detail()).contains(said);
		});
		assertThat(QueryString.wellFormed(raw)).isFalse();
	}

	@Test
	void nullIsAnEmptyQuery() {
		QueryString.check(null);
	}

}
