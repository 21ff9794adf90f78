package org.kotaku.portal.ingest.web;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.api.ProblemType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * The raw bytes of one upload as they stream in: counted against the size limit (413 past it) and digested
 * (SHA-256) on the way, so the body's checksum is known as soon as the last byte has been read, without ever
 * holding the body. Single use.
 */
final class Upload {

	private final Flux<DataBuffer> body;

	private final long maxBytes;

	private final MessageDigest digest;

	private long bytes;

	private String checksum;

	/**
	 * @param digested whether to compute the body's checksum (needed only to recognise a repeated
	 * idempotency key; SHA-256 over gigabytes is not free)
	 */
	Upload(Flux<DataBuffer> body, long maxBytes, boolean digested) {
		this.maxBytes = maxBytes;
		this.digest = digested ? sha256() : null;
		this.body = body.doOnNext(this::account);
	}

	/** The body, counted and digested while it is read. */
	Flux<DataBuffer> bytes() {
		return this.body;
	}

	/** Reads the whole body without decoding it and emits its checksum (for an idempotent replay). */
	Mono<String> drain() {
		return this.body.doOnNext(DataBufferUtils::release).then(Mono.fromSupplier(this::checksum));
	}

	/** SHA-256 of the raw body in hex, final once the body has been read to the end; null when not digested. */
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
