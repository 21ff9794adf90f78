package org.kotaku.portal.api;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTests {

	@Test
	void aValueTheDatabaseRefusesIsTheClientsErrorNotAnOutage() {
		var refused = new R2dbcDataIntegrityViolationException("numeric field overflow", "22003");
		Problems.Problem read = Problems.from(new DataAccessResourceFailureException("wrapped", refused), true);
		assertThat(read.status()).isEqualTo(400);
		assertThat(read.type()).isEqualTo(ProblemType.INVALID_VALUE);
		assertThat(read.extensions()).containsEntry("sqlState", "22003");
		assertThat(read.detail()).contains("22003").contains("Nothing was written").doesNotContain("overflow");
		assertThat(Problems.from(refused, false).status()).as("in an upload").isEqualTo(422);
	}

	@Test
	void everyServiceUnavailableNamesWhenToRetry() {
		Problems.Problem down = Problems.from(new R2dbcNonTransientResourceException("connection refused", "08001"),
				true);
		assertThat(down.status()).isEqualTo(503);
		assertThat(down.extensions()).containsEntry(Problems.RETRY_AFTER, Problems.DEFAULT_RETRY_AFTER_SECONDS);
		Problems.Problem loading = Problems.from(new PortalException(ProblemType.SERVICE_UNAVAILABLE, "loading"), true);
		assertThat(loading.extensions()).containsEntry(Problems.RETRY_AFTER, Problems.DEFAULT_RETRY_AFTER_SECONDS);
	}

	@Test
	void aRetryAfterGivenByTheCauseIsKept() {
		var limited = new PortalException(ProblemType.SERVICE_UNAVAILABLE, "busy",
				java.util.Map.of(Problems.RETRY_AFTER, 30), null);
		assertThat(Problems.from(limited, true).extensions()).containsEntry(Problems.RETRY_AFTER, 30);
	}

}
