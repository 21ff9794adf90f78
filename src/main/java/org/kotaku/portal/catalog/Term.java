package org.kotaku.portal.catalog;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One allowed value of a closed vocabulary: the code stored and published
 * ({@code drainage}) and its label in both languages. The vocabularies are the enums of
 * the {@code vocabulary} package; ingestion validates against the same enums that the
 * catalog publishes.
 */
public interface Term {

	String code();

	Text label();

	/** The codes of a vocabulary, in declaration order. */
	static <T extends Enum<T> & Term> Set<String> codes(Class<T> vocabulary) {
		LinkedHashSet<String> codes = new LinkedHashSet<>();
		for (T term : vocabulary.getEnumConstants()) {
			codes.add(term.code());
		}
		return codes;
	}

	/** The terms of a vocabulary, in declaration order. */
	static <T extends Enum<T> & Term> List<Term> terms(Class<T> vocabulary) {
		return Arrays.<Term>asList(vocabulary.getEnumConstants());
	}

}
