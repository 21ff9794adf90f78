package org.kotaku.portal.ingest.pipeline;

import java.util.Map;

import io.r2dbc.postgresql.api.ErrorDetails;
import io.r2dbc.postgresql.api.PostgresqlException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.api.ProblemType;

/**
 * A batch was refused because applying it would break a rule that spans records (for
 * example deleting a slum area that activities still reference); nothing was written.
 */
public class IngestConflictException extends PortalException {

	public IngestConflictException(String message, Throwable cause) {
		super(ProblemType.CONFLICT, message, Map.of(), cause);
	}

	public static IngestConflictException from(R2dbcDataIntegrityViolationException ex) {
		String detail = "";
		if (ex instanceof PostgresqlException pg) {
			ErrorDetails details = pg.getErrorDetails();
			detail = details.getDetail().orElse(details.getMessage());
		}
		return new IngestConflictException("the batch conflicts with stored records: " + detail, ex);
	}

}
