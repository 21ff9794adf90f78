package org.kotaku.portal.readmodel;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * In-memory region name search: case- and accent-insensitive prefix match on every word,
 * with the region type as an optional extra word ("kota balikpapan", "balikpapan",
 * "Balikpapan Selatan", "kab. bandung"). Every query word must be the prefix of a
 * different word of the region. Best matches first: exact names, regions in the program,
 * higher levels, then by name.
 */
final class NameIndex implements java.io.Serializable {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private final RegionEntry[] entries;

	private final String[][] words;

	/**
	 * Every (word, entry index) pair, sorted by word, as "word\u0000index" strings for
	 * prefix ranges.
	 */
	private final String[] postings;

	NameIndex(Collection<RegionEntry> regions) {
		this.entries = regions.toArray(RegionEntry[]::new);
		this.words = new String[this.entries.length][];
		List<String> all = new ArrayList<>();
		for (int i = 0; i < this.entries.length; i++) {
			this.words[i] = wordsOf(this.entries[i]);
			for (String word : this.words[i]) {
				all.add(word + '\u0000' + i);
			}
		}
		this.postings = all.toArray(String[]::new);
		Arrays.sort(this.postings);
	}

	/**
	 * Lower case, accents removed, words split on anything that is not a letter or digit.
	 */
	static String[] normalise(String text) {
		String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
		String spaced = NON_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
		return spaced.isEmpty() ? new String[0] : spaced.split(" ");
	}

	List<RegionEntry> search(String query, int limit, Predicate<String> inProgram) {
		String[] terms = normalise(query);
		if (terms.length == 0) {
			return List.of();
		}
		String driver = Arrays.stream(terms).max(Comparator.comparingInt(String::length)).orElseThrow();
		String joined = String.join(" ", terms);
		return candidates(driver).stream()
			.filter((i) -> matchesAll(this.words[i], terms))
			.map((i) -> this.entries[i])
			.sorted(Comparator.comparing((RegionEntry e) -> !exactName(e, joined))
				.thenComparing((e) -> !inProgram.test(e.code()))
				.thenComparingInt(RegionEntry::level)
				.thenComparing(RegionEntry::name)
				.thenComparing(RegionEntry::code))
			.limit(limit)
			.toList();
	}

	private Set<Integer> candidates(String prefix) {
		Set<Integer> found = new LinkedHashSet<>();
		int from = Arrays.binarySearch(this.postings, prefix);
		for (int p = from < 0 ? -from - 1 : from; p < this.postings.length
				&& this.postings[p].startsWith(prefix); p++) {
			String posting = this.postings[p];
			found.add(Integer.parseInt(posting.substring(posting.indexOf('\u0000') + 1)));
		}
		return found;
	}

	/**
	 * Each term is the prefix of a word of its own (greedy on the longest terms first).
	 */
	static boolean matchesAll(String[] words, String[] terms) {
		boolean[] used = new boolean[words.length];
		String[] ordered = terms.clone();
		Arrays.sort(ordered, Comparator.comparingInt(String::length).reversed());
		for (String term : ordered) {
			int match = -1;
			for (int w = 0; w < words.length && match < 0; w++) {
				if (!used[w] && words[w].startsWith(term)) {
					match = w;
				}
			}
			if (match < 0) {
				return false;
			}
			used[match] = true;
		}
		return true;
	}

	private static boolean exactName(RegionEntry entry, String joined) {
		return String.join(" ", normalise(entry.name())).equals(joined);
	}

	private static String[] wordsOf(RegionEntry entry) {
		Set<String> words = new LinkedHashSet<>(Arrays.asList(normalise(entry.name())));
		words.addAll(typeWords(entry.type()));
		return words.toArray(String[]::new);
	}

	private static List<String> typeWords(String type) {
		return switch (type) {
			case "provinsi" -> List.of("provinsi", "prov");
			case "kabupaten" -> List.of("kabupaten", "kab");
			case "kota" -> List.of("kota");
			case "kecamatan" -> List.of("kecamatan", "kec");
			case "kelurahan" -> List.of("kelurahan", "kel");
			default -> List.of("desa");
		};
	}

}
