package org.kotaku.portal.recordpage;

/**
 * An administrative region a record lies in: its Kemendagri code and name (its page is
 * {@code /wilayah/{code}}).
 */
public record Area(String code, String name) {

	/** The site path of the region's profile. */
	public String path() {
		return "/wilayah/" + this.code;
	}

}
