package org.kotaku.portal.ingest.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.kotaku.portal.api.PortalException;
import org.kotaku.portal.api.ProblemType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Cuts a stream of byte buffers into NDJSON lines (LF or CRLF; blank lines skipped),
 * carrying a partial line over to the next buffer. A line longer than the row limit is
 * refused (413) instead of being buffered. Not thread-safe: one upload is one sequential
 * stream.
 */
final class NdjsonLines {

	private final int maxLineBytes;

	private byte[] partial = new byte[0];

	NdjsonLines(int maxLineBytes) {
		this.maxLineBytes = maxLineBytes;
	}

	/** The complete lines that end in {@code buffer}, which is released. */
	List<byte[]> split(DataBuffer buffer) {
		byte[] bytes = new byte[buffer.readableByteCount()];
		buffer.read(bytes);
		DataBufferUtils.release(buffer);
		List<byte[]> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				addLine(lines, join(bytes, start, i));
				start = i + 1;
			}
		}
		this.partial = join(bytes, start, bytes.length);
		checkLength(this.partial.length);
		return lines;
	}

	/** The last line when the body does not end with a line break. */
	List<byte[]> rest() {
		List<byte[]> lines = new ArrayList<>(1);
		addLine(lines, this.partial);
		this.partial = new byte[0];
		return lines;
	}

	private byte[] join(byte[] bytes, int from, int to) {
		if (this.partial.length == 0) {
			return Arrays.copyOfRange(bytes, from, to);
		}
		byte[] line = Arrays.copyOf(this.partial, this.partial.length + to - from);
		System.arraycopy(bytes, from, line, this.partial.length, to - from);
		this.partial = new byte[0];
		return line;
	}

	private void addLine(List<byte[]> lines, byte[] line) {
		checkLength(line.length);
		for (byte b : line) {
			if (b != ' ' && b != '\t' && b != '\r') {
				lines.add(line);
				return;
			}
		}
	}

	private void checkLength(int length) {
		if (length > this.maxLineBytes) {
			throw new PortalException(ProblemType.PAYLOAD_TOO_LARGE, "One row is larger than the limit of "
					+ this.maxLineBytes + " bytes (portal.ingest.max-row-size).");
		}
	}

}
