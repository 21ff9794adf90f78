package org.kotaku.portal.catalog.vocabulary;

import org.kotaku.portal.catalog.Term;
import org.kotaku.portal.catalog.Text;

/**
 * The kind of work of an activity. The codes are those the canonical table's check
 * constraint allows.
 */
public enum ActivityType implements Term {

	ROAD("road", "Jalan lingkungan", "Neighbourhood road"), DRAINAGE("drainage", "Drainase", "Drainage"),
	WATER("water", "Air minum", "Drinking water"),
	SANITATION("sanitation", "Sanitasi / air limbah", "Sanitation / wastewater"),
	WASTE("waste", "Persampahan", "Solid waste"), FIRE("fire", "Proteksi kebakaran", "Fire protection"),
	OPEN_SPACE("open_space", "Ruang terbuka publik", "Public open space"),
	HOUSING("housing", "Perbaikan rumah", "Housing repair"),
	CAPACITY("capacity", "Peningkatan kapasitas", "Capacity building"),
	LIVELIHOOD("livelihood", "Penghidupan berkelanjutan", "Livelihood");

	private final String code;

	private final Text label;

	ActivityType(String code, String id, String en) {
		this.code = code;
		this.label = Text.of(id, en);
	}

	@Override
	public String code() {
		return this.code;
	}

	@Override
	public Text label() {
		return this.label;
	}

}
