package org.kotaku.portal.ingest.pipeline;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The staging steps: the batch's temporary stage table, and the upload validated row by
 * row ({@link StagedRows}) and copied into it with COPY, chunk by chunk as the rows
 * stream in.
 */
public final class Stage {

	private static final int ROWS_PER_COPY_CHUNK = 2_000;

	private Stage() {
	}

	/** Creates the stage table, dropped when the transaction ends. */
	public static Mono<Long> create(Batch batch) {
		return batch.db().execute(batch.spec().stageDdl());
	}

	/**
	 * Validates and copies every row of the upload; emits the rows copied. The upload's
	 * own error (malformed, too large) wins over the failed COPY that it causes.
	 */
	public static Mono<Long> copy(Batch batch, Flux<Map<String, Object>> rows) {
		// the driver reports a failing upload as a failed COPY: keep the upload's own
		// error
		AtomicReference<Throwable> uploadError = new AtomicReference<>();
		// validation is CPU work: keep it off the event loops that serve requests
		Flux<ByteBuf> chunks = rows.doOnError(uploadError::set)
			.buffer(ROWS_PER_COPY_CHUNK)
			.publishOn(Schedulers.parallel(), 2)
			.map((chunk) -> stageChunk(batch.staged(), chunk))
			.filter(ByteBuf::isReadable);
		// one COPY data message per chunk: copyIn(sql, publisher) would gather the whole
		// upload into a single
		// message in (direct) memory before sending anything
		return Mono
			.defer(() -> batch.db().postgresql().copyIn(batch.sql().copy()).fromMany(chunks.map(Mono::just)).build())
			.onErrorMap((ex) -> uploadError.get() != null, (ex) -> uploadError.get());
	}

	private static ByteBuf stageChunk(StagedRows staged, List<Map<String, Object>> rows) {
		return Unpooled.wrappedBuffer(staged.stage(rows));
	}

}
