package org.kotaku.portal.listing;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.catalog.Field;
import org.kotaku.portal.catalog.Text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plain parts of the listing engine: cursors, bounding boxes, CSV fields and sort
 * parsing.
 */
class ListingPartsTests {

	static final Dataset RESOURCE = new Dataset("things", "thing", Text.of("Benda", "Things"),
			Text.of("Benda uji.", "Test things."), "/things", List.of(), "thing t", "thing t", "t.id",
			"t.created_version", null, List.of(Field.text("id", "t.id", "Kode.", "Id.").sortable(),
					Field.money("budgetIdr", "t.budget_idr", "Anggaran.", "Budget.").sortable()));

	@Test
	void cursorRoundTripsAnyTextAndIsUrlSafe() {
		SortOrder sort = SortOrder.parse("-budgetIdr", RESOURCE);
		Cursor cursor = new Cursor(sort, "12.50", "ID with spaces, \"quotes\" & ünïcode/.", 42);
		String token = cursor.encode();
		assertThat(token).matches("[A-Za-z0-9_.-]+");
		assertThat(Cursor.decode(token, sort)).isEqualTo(cursor);
	}

	@Test
	void cursorOfAnotherSortOrForgedIsRefused() {
		String token = new Cursor(SortOrder.parse("id", RESOURCE), "a", "a", 1).encode();
		assertThatThrownBy(() -> Cursor.decode(token, SortOrder.parse("budgetIdr", RESOURCE)))
			.isInstanceOf(PortalException.class)
			.hasMessageContaining("sort=id");
		assertThatThrownBy(() -> Cursor.decode("not-a-cursor!", SortOrder.parse("id", RESOURCE)))
			.isInstanceOf(PortalException.class);
		assertThatThrownBy(() -> Cursor.decode("MQ.aWQ", SortOrder.parse("id", RESOURCE)))
			.isInstanceOf(PortalException.class);
	}

	@Test
	void sortNamesItsAllowedValues() {
		assertThat(SortOrder.parse("-budgetIdr", RESOURCE)).isEqualTo(new SortOrder("budgetIdr", true));
		assertThatThrownBy(() -> SortOrder.parse("name", RESOURCE)).isInstanceOf(PortalException.class)
			.satisfies((ex) -> assertThat(((PortalException) ex).extensions().get("allowed"))
				.isEqualTo(List.of("-budgetIdr", "-id", "budgetIdr", "id")));
	}

	@Test
	void bboxAcceptsIndonesiaAndRefusesMalformedOrHugeBoxes() {
		assertThat(Bbox.parse("95, -11, 141.5, 6")).isEqualTo(new Bbox(95, -11, 141.5, 6));
		for (String bad : Set.of("1,2,3", "1,2,3,4,5", "a,1,2,3", "NaN,1,2,3", "5,5,4,6", "5,5,6,4", "-181,0,0,1",
				"0,-91,1,0", "-180,-90,180,90", "90,-20,151,0")) {
			assertThatThrownBy(() -> Bbox.parse(bad)).as(bad)
				.isInstanceOf(PortalException.class)
				.satisfies((ex) -> assertThat(((PortalException) ex).extensions()).containsEntry("parameter", "bbox"));
		}
	}

	@Test
	void csvLargerThanASpreadsheetCarriesAWarning() {
		assertThat(ListingAnswers.spreadsheetWarning(1_048_575)).isEmpty();
		assertThat(ListingAnswers.spreadsheetWarning(1_048_576))
			.hasValueSatisfying((w) -> assertThat(w).contains("1048576 rows"));
	}

	@Test
	void containsPatternEscapesWildcards() {
		assertThat(Where.contains("100%_a\\b")).isEqualTo("%100\\%\\_a\\\\b%");
	}

}
