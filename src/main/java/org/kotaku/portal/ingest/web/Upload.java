package org.kotaku.portal.ingest.web;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeoutException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.api.ProblemType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * The raw bytes of one upload as they stream in: counted against the size limit (413 past
 * it), timed against the idle and total limits (408 past them: a stalled or trickling
 * client holds its connection for a bounded time) and digested (SHA-256) on the way, so
 * the body's checksum is known as soon as the last byte has been read, without ever
 * holding the body. Single use.
 */
final class Upload {

	private final Flux<DataBuffer> body;

	private final long maxBytes;

	private final MessageDigest digest;

	private long bytes;

	private String checksum;

	/**
	 * @param digested whether to compute the body's checksum (needed only to recognise a
	 * repeated idempotency key; SHA-256 over gigabytes is not free)
	 */
	Upload(Flux<DataBuffer> body, IngestProperties limits, boolean digested) {
		this.maxBytes = limits.maxBodySize().toBytes();
		this.digest = digested ? sha256() : null;
		this.body = timed(body.doOnNext(this::account), limits.idleTimeout(), limits.uploadTimeout());
	}

	/** The body, counted and digested while it is read. */
	Flux<DataBuffer> bytes() {
		return this.body;
	}

	/**
	 * Reads the whole body without decoding it and emits its checksum (for an idempotent
	 * replay).
	 */
	Mono<String> drain() {
		return this.body.doOnNext(DataBufferUtils::release).then(Mono.fromSupplier(this::checksum));
	}

	/**
	 * SHA-256 of the raw body in hex, final once the body has been read to the end; null
	 * when not digested.
	 */
	String checksum() {
		if (this.checksum == null && this.digest != null) {
			this.checksum = HexFormat.of().formatHex(this.digest.digest());
		}
		return this.checksum;
	}

	long byteCount() {
		return this.bytes;
	}

	private void account(DataBuffer buffer) {
		this.bytes += buffer.readableByteCount();
		if (this.bytes > this.maxBytes) {
			DataBufferUtils.release(buffer);
			throw tooLarge(this.maxBytes);
		}
		if (this.digest == null) {
			return;
		}
		try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
			while (chunks.hasNext()) {
				ByteBuffer chunk = chunks.next();
				this.digest.update(chunk);
			}
		}
	}

	/**
	 * The body, failing with 408 once it pauses longer than {@code idle} or runs past
	 * {@code total} since the upload began: each wait for the next piece lasts until
	 * whichever of the two comes first.
	 */
	private static Flux<DataBuffer> timed(Flux<DataBuffer> body, Duration idle, Duration total) {
		return Flux.defer(() -> {
			long deadline = System.nanoTime() + total.toNanos();
			return body.timeout(Mono.defer(() -> nextPiece(idle, deadline)), (piece) -> nextPiece(idle, deadline))
				.onErrorMap(TimeoutException.class, (ex) -> tooSlow(idle, total, System.nanoTime() - deadline >= 0));
		});
	}

	private static Mono<Long> nextPiece(Duration idle, long deadline) {
		long left = Math.max(0, deadline - System.nanoTime());
		return Mono.delay(Duration.ofNanos(Math.min(idle.toNanos(), left)));
	}

	static PortalException tooSlow(Duration idle, Duration total, boolean pastDeadline) {
		String detail = pastDeadline
				? "The upload took longer than " + total.toSeconds() + " s (portal.ingest.upload-timeout)"
				: "No part of the upload arrived for " + idle.toSeconds() + " s (portal.ingest.idle-timeout)";
		return new PortalException(ProblemType.REQUEST_TIMEOUT,
				detail + "; nothing of it was written. Send it again, or split it into smaller batches.");
	}

	static PortalException tooLarge(long maxBytes) {
		return new PortalException(ProblemType.PAYLOAD_TOO_LARGE, "The upload is larger than the limit of " + maxBytes
				+ " bytes (portal.ingest.max-body-size); split it into several batches.");
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
