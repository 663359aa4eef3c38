package dev.usagemonitor.transcript.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it, so a file of any size is read with
 * a buffer of at most {@code maxLineBytes}. Lines longer than that are skipped and
 * reported through {@link LineHandler#tooLong()}. A carriage return before the line feed
 * is removed.
 */
public final class LineReader {

	private static final int INITIAL_BUFFER = 1 << 16;

	private final InputStream input;

	private final int maxLineBytes;

	private byte[] buffer;

	private long completeBytes;

	/**
	 * Creates a reader over a stream.
	 */
	public LineReader(InputStream input, int maxLineBytes) {
		this.input = input;
		this.maxLineBytes = maxLineBytes;
		this.buffer = new byte[Math.min(INITIAL_BUFFER, maxLineBytes + 1)];
	}

	/**
	 * Reads the stream to its end and passes every line to the handler. Returns the
	 * number of bytes up to and including the last line feed: the bytes after it form an
	 * unterminated last line, which is passed to {@link LineHandler#tail} instead.
	 */
	public long read(LineHandler handler) throws IOException {
		int filled = 0;
		boolean skipping = false;
		int count;
		while ((count = this.input.read(this.buffer, filled, this.buffer.length - filled)) != -1) {
			int scanFrom = filled;
			filled += count;
			int start = 0;
			int newline;
			while ((newline = ByteSearch.indexOf(this.buffer, scanFrom, filled, (byte) '\n')) >= 0) {
				if (skipping) {
					skipping = false;
				}
				else {
					handler.line(this.buffer, start, trimCarriageReturn(start, newline) - start);
				}
				this.completeBytes += newline + 1 - start;
				start = newline + 1;
				scanFrom = start;
			}
			filled = compact(start, filled);
			if (filled == this.buffer.length && !grow()) {
				if (!skipping) {
					handler.tooLong();
				}
				skipping = true;
				this.completeBytes += filled;
				filled = 0;
			}
		}
		if (filled > 0 && !skipping) {
			handler.tail(this.buffer, 0, filled);
		}
		return this.completeBytes;
	}

	private int trimCarriageReturn(int start, int end) {
		return (end > start && this.buffer[end - 1] == '\r') ? end - 1 : end;
	}

	private int compact(int start, int filled) {
		if (start > 0) {
			System.arraycopy(this.buffer, start, this.buffer, 0, filled - start);
		}
		return filled - start;
	}

	private boolean grow() {
		if (this.buffer.length > this.maxLineBytes) {
			return false;
		}
		this.buffer = Arrays.copyOf(this.buffer, Math.min(this.buffer.length * 2, this.maxLineBytes + 1));
		return true;
	}

	/**
	 * Receives the lines of a stream. The byte array is reused after each call.
	 */
	public interface LineHandler {

		/**
		 * Receives one line without its line break.
		 */
		void line(byte[] bytes, int offset, int length);

		/**
		 * Receives the bytes after the last line feed when the stream does not end with
		 * one.
		 */
		void tail(byte[] bytes, int offset, int length);

		/**
		 * Reports a line longer than the limit, which is skipped.
		 */
		void tooLong();

	}

}
