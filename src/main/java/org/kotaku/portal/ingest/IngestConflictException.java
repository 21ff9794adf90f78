package org.kotaku.portal.ingest;

import io.r2dbc.postgresql.api.ErrorDetails;
import io.r2dbc.postgresql.api.PostgresqlException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;

/**
 * A batch was refused because applying it would break a rule that spans records (for example deleting a
 * slum area that activities still reference); nothing was written.
 */
public class IngestConflictException extends RuntimeException {

	public IngestConflictException(String message, Throwable cause) {
		super(message, cause);
	}

	static IngestConflictException from(R2dbcDataIntegrityViolationException ex) {
		String detail = "";
		if (ex instanceof PostgresqlException pg) {
			ErrorDetails details = pg.getErrorDetails();
			detail = details.getDetail().orElse(details.getMessage());
		}
		return new IngestConflictException("the batch conflicts with stored records: " + detail, ex);
	}

}
