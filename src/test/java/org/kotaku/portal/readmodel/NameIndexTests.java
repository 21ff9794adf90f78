package org.kotaku.portal.readmodel;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameIndexTests {

	private final NameIndex index = new NameIndex(
			List.of(new RegionEntry("64", "Kalimantan Timur", 1, "provinsi", null, null, null),
					new RegionEntry("64.71", "Kota Balikpapan", 2, "kota", "64", null, null),
					new RegionEntry("64.71.01", "Balikpapan Selatan", 3, "kecamatan", "64.71", null, null),
					new RegionEntry("64.71.02", "Balikpapan Utara", 3, "kecamatan", "64.71", null, null),
					new RegionEntry("64.02", "Paser", 2, "kabupaten", "64", null, null),
					new RegionEntry("64.02.01.2001", "Pasir Belengkong", 4, "desa", "64.02.01", null, null),
					new RegionEntry("73.71.01.1001", "Mamajang Dalam", 4, "kelurahan", "73.71.01", null, null),
					new RegionEntry("32.73", "Kota Bandung", 2, "kota", "32", null, null),
					new RegionEntry("91.01.01.2001", "Sentani Timur Désa", 4, "desa", "91.01.01", null, null)));

	private List<String> codes(String query) {
		return this.index.search(query, 10, (code) -> false).stream().map(RegionEntry::code).toList();
	}

	@Test
	void findsARegencyWithOrWithoutItsTypeWord() {
		assertThat(codes("kota balikpapan")).containsExactly("64.71");
		assertThat(codes("balikpapan")).containsExactly("64.71", "64.71.01", "64.71.02");
		assertThat(codes("BALIKPAPAN")).first().isEqualTo("64.71");
	}

	@Test
	void everyWordMustMatchTheStartOfADifferentWord() {
		assertThat(codes("Balikpapan Selatan")).containsExactly("64.71.01");
		assertThat(codes("selatan balik")).containsExactly("64.71.01");
		assertThat(codes("balikpapan balikpapan")).isEmpty();
		assertThat(codes("papan")).isEmpty();
	}

	@Test
	void ignoresCaseAccentsAndPunctuation() {
		assertThat(codes("sentani desa")).containsExactly("91.01.01.2001");
		assertThat(codes("Kab. Paser")).containsExactly("64.02");
		assertThat(codes("  mamajang,  ")).containsExactly("73.71.01.1001");
	}

	@Test
	void exactNamesAndProgramRegionsComeFirst() {
		List<RegionEntry> found = this.index.search("pas", 10, (code) -> code.equals("64.02.01.2001"));
		assertThat(found).extracting(RegionEntry::code).containsExactly("64.02.01.2001", "64.02");
		assertThat(codes("balikpapan utara")).containsExactly("64.71.02");
	}

	@Test
	void emptyQueriesFindNothingAndLimitsHold() {
		assertThat(codes("  ")).isEmpty();
		assertThat(this.index.search("kota", 1, (code) -> false)).hasSize(1);
	}

}
