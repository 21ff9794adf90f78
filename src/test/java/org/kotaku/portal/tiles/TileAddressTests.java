package org.kotaku.portal.tiles;

import org.junit.jupiter.api.Test;

import org.kotaku.portal.api.PortalException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tile addresses inside and outside the Web Mercator grid. */
class TileAddressTests {

	@Test
	void parsesAddressesInsideTheGrid() {
		assertThat(TileAddress.parse("0", "0", "0.mvt", 22)).isEqualTo(new TileAddress(0, 0, 0));
		assertThat(TileAddress.parse("14", "13341", "8249.mvt", 22)).isEqualTo(new TileAddress(14, 13341, 8249));
		assertThat(TileAddress.parse("22", "4194303", "4194303.mvt", 22).path()).isEqualTo("22/4194303/4194303");
	}

	@Test
	void refusesAddressesOutsideTheGrid() {
		String[][] bad = { { "1", "2", "0.mvt" }, { "1", "0", "2.mvt" }, { "-1", "0", "0.mvt" }, { "23", "0", "0.mvt" },
				{ "3", "-1", "0.mvt" }, { "x", "0", "0.mvt" }, { "3", "0", "0.png" }, { "3", "0", ".mvt" },
				{ "3", "99999999999", "0.mvt" } };
		for (String[] address : bad) {
			assertThatThrownBy(() -> TileAddress.parse(address[0], address[1], address[2], 22))
				.as(String.join("/", address))
				.isInstanceOf(PortalException.class);
		}
	}

}
