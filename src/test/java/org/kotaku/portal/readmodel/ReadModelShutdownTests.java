package org.kotaku.portal.readmodel;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * A refresh asked for after the node began to shut down (a notification arriving late) is
 * dropped: it used to be refused by the disposed scheduler and asked again at once,
 * recursing until the stack overflowed.
 */
class ReadModelShutdownTests {

	@Test
	void aRefreshAskedForAfterShutdownIsDroppedQuietly() {
		ReadModel readModel = new ReadModel(null, null, (event) -> {
		}, new SimpleMeterRegistry(), new ReadModelProperties(Duration.ofSeconds(1), Duration.ofSeconds(30), 3000,
				Duration.ofMillis(50), null));
		readModel.destroy();
		assertThatCode(readModel::requestRefresh).doesNotThrowAnyException();
		assertThatCode(readModel::requestRebuild).doesNotThrowAnyException();
		assertThat(readModel.snapshot()).isEmpty();
	}

}
