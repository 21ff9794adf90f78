package org.kotaku.portal.changes;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.kotaku.portal.api.PortalException;

/**
 * Where a page of record changes ends: the (version, dataset, id) of its last entry,
 * carried in links as an opaque base64url token so ids with any characters round-trip.
 */
record RecordCursor(long version, String dataset, String id) {

	static final RecordCursor START = new RecordCursor(0, "", "");

	static RecordCursor after(RecordChange change) {
		return new RecordCursor(change.dataVersion(), change.dataset(), change.id());
	}

	String token() {
		String plain = this.version + "\n" + this.dataset + "\n" + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	static RecordCursor parse(String token) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", 3);
			return new RecordCursor(Long.parseLong(parts[0]), parts[1], parts[2]);
		}
		catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
			throw PortalException.invalidParameter("after", "after must be a cursor taken from a next link.");
		}
	}

}
