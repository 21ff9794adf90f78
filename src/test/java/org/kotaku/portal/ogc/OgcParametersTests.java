package org.kotaku.portal.ogc;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.kotaku.portal.api.PortalException;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Parsing of the OGC items parameters: bbox, datetime, limit, cursors and property
 * filters.
 */
class OgcParametersTests {

	private static final OgcProperties LIMITS = new OgcProperties(10, 10_000);

	private static final OgcCollection ACTIVITIES = OgcCatalog.find("activities").orElseThrow();

	@Test
	void bboxTakesFourOrSixNumbers() {
		assertThat(Bbox.parse("95,-11,141,6")).isEqualTo(new Bbox(95, -11, 141, 6));
		assertThat(Bbox.parse("95,-11,0,141,6,100")).isEqualTo(new Bbox(95, -11, 141, 6));
		assertThat(Bbox.parse("170,-20,-170,-10").crossesAntimeridian()).isTrue();
	}

	@Test
	void bboxRefusesWrongCountsNumbersAndRanges() {
		for (String text : new String[] { "1,2,3", "1,2,3,4,5", "a,b,c,d", "0,10,1,5", "0,0,181,1", "0,-91,1,1",
				"NaN,0,1,1" }) {
			assertThatThrownBy(() -> Bbox.parse(text)).as(text).isInstanceOf(PortalException.class);
		}
	}

	@Test
	void datetimeTakesInstantsDatesAndOpenIntervals() {
		assertThat(TimeInterval.parse("2021-03-04"))
			.isEqualTo(new TimeInterval(LocalDate.of(2021, 3, 4), LocalDate.of(2021, 3, 4)));
		assertThat(TimeInterval.parse("2021-03-04T23:30:00-02:00").start()).isEqualTo(LocalDate.of(2021, 3, 5));
		assertThat(TimeInterval.parse("../2020-01-01")).isEqualTo(new TimeInterval(null, LocalDate.of(2020, 1, 1)));
		assertThat(TimeInterval.parse("2020-01-01/")).isEqualTo(new TimeInterval(LocalDate.of(2020, 1, 1), null));
	}

	@Test
	void datetimeRefusesGarbageAndBackwardsIntervals() {
		for (String text : new String[] { "soon", "../..", "2021-02-30", "2021/2022/2023", "2022-01-01/2021-01-01" }) {
			assertThatThrownBy(() -> TimeInterval.parse(text)).as(text).isInstanceOf(PortalException.class);
		}
	}

	@Test
	void limitDefaultsAndIsClampedToTheMaximum() {
		assertThat(ItemQuery.parse(ACTIVITIES, params(), LIMITS).limit()).isEqualTo(10);
		assertThat(ItemQuery.parse(ACTIVITIES, params("limit", "20000"), LIMITS).limit()).isEqualTo(10_000);
		assertThatThrownBy(() -> ItemQuery.parse(ACTIVITIES, params("limit", "-1"), LIMITS))
			.isInstanceOf(PortalException.class);
	}

	@Test
	void queryablesAreTypedAndUnknownParametersRefused() {
		ItemQuery query = ItemQuery.parse(ACTIVITIES, params("fiscalYear", "2021", "type", "drainage"), LIMITS);
		assertThat(query.filters().values()).containsExactlyInAnyOrder(2021, "drainage");
		assertThatThrownBy(() -> ItemQuery.parse(ACTIVITIES, params("fiscalYaer", "2021"), LIMITS))
			.isInstanceOf(PortalException.class)
			.hasMessageContaining("fiscalYear");
		assertThatThrownBy(() -> ItemQuery.parse(ACTIVITIES, params("type", "drainage", "type", "road"), LIMITS))
			.isInstanceOf(PortalException.class);
	}

	@Test
	void filterKeyIgnoresTheCursor() {
		ItemQuery first = ItemQuery.parse(ACTIVITIES, params("type", "road", "bbox", "95,-11,141,6"), LIMITS);
		ItemQuery later = ItemQuery.parse(ACTIVITIES, params("type", "road", "bbox", "95,-11,141,6", "after", "X"),
				LIMITS);
		assertThat(later.filterKey()).isEqualTo(first.filterKey());
	}

	@Test
	void nextLinkKeepsEveryFilterAndReplacesTheCursor() {
		String url = OgcUrls.withCursor(
				java.net.URI
					.create("http://h:1/ogc/collections/activities/items?bbox=95,-11,141,6&type=road&before=B&limit=5"),
				"after", "ACT 1/2");
		assertThat(url).contains("bbox=95,-11,141,6", "type=road", "limit=5", "after=ACT%201/2")
			.doesNotContain("before=");
	}

	private static MultiValueMap<String, String> params(String... namesAndValues) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			params.add(namesAndValues[i], namesAndValues[i + 1]);
		}
		return params;
	}

}
