package org.kotaku.portal.listing;

import java.util.Map;

/**
 * Writes rows in one representation as text, piece by piece, so that a whole result can
 * be streamed: the text before the first row, each row, and the text after the last one.
 * A single row (the answer of {@code /{id}}) is written whole.
 */
interface RowWriter {

	String head(Envelope envelope);

	String row(Row row, boolean first);

	String tail(Envelope envelope);

	/**
	 * One row as a complete document; {@code extra} members are added where the
	 * representation has room.
	 */
	String item(Envelope envelope, Row row, Map<String, Object> extra);

}
