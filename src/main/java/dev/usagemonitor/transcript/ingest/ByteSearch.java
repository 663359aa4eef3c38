package dev.usagemonitor.transcript.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte-level scans over lines before any JSON parsing. The scans read eight bytes at a
 * time and find candidate positions with the "has a zero byte" bit trick, then check each
 * candidate byte by byte. In a profile of a 1 GB import, a plain byte loop here took more
 * time than Jackson's parsing.
 */
final class ByteSearch {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long ONES = 0x0101010101010101L;

	private static final long HIGH_BITS = 0x8080808080808080L;

	private static final byte[] USAGE_KEY = { '"', 'u', 's', 'a', 'g', 'e', '"' };

	/**
	 * Position of the rarest byte of {@link #USAGE_KEY} in English text and JSON: 'g'.
	 */
	private static final int ANCHOR = 4;

	private ByteSearch() {
	}

	/**
	 * Returns the index of the first {@code value} in {@code bytes[from, to)}, or -1.
	 */
	static int indexOf(byte[] bytes, int from, int to, byte value) {
		long pattern = ONES * (value & 0xff);
		int i = from;
		for (; i + Long.BYTES <= to; i += Long.BYTES) {
			long matches = zeroBytes((long) LONGS.get(bytes, i) ^ pattern);
			if (matches != 0) {
				return i + (Long.numberOfTrailingZeros(matches) >>> 3);
			}
		}
		for (; i < to; i++) {
			if (bytes[i] == value) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Tells whether the bytes {@code "usage"} (with the quotes) occur in
	 * {@code bytes[offset, offset + length)}.
	 */
	static boolean containsUsageKey(byte[] bytes, int offset, int length) {
		int end = offset + length - (USAGE_KEY.length - 1 - ANCHOR);
		int from = offset + ANCHOR;
		long pattern = ONES * USAGE_KEY[ANCHOR];
		int i = from;
		for (; i + Long.BYTES <= end; i += Long.BYTES) {
			long candidates = zeroBytes((long) LONGS.get(bytes, i) ^ pattern);
			while (candidates != 0) {
				int anchor = i + (Long.numberOfTrailingZeros(candidates) >>> 3);
				if (matchesAt(bytes, anchor - ANCHOR)) {
					return true;
				}
				candidates &= candidates - 1;
			}
		}
		for (; i < end; i++) {
			if (bytes[i] == USAGE_KEY[ANCHOR] && matchesAt(bytes, i - ANCHOR)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Tells whether the line, ignoring surrounding whitespace, starts with {@code {} and
	 * ends with {@code }}. A truncated or non-object line fails this check.
	 */
	static boolean looksLikeObject(byte[] bytes, int offset, int length) {
		int start = offset;
		int end = offset + length - 1;
		while (start <= end && isWhitespace(bytes[start])) {
			start++;
		}
		while (end >= start && isWhitespace(bytes[end])) {
			end--;
		}
		return start < end && bytes[start] == '{' && bytes[end] == '}';
	}

	/**
	 * Returns a word with the high bit set in every byte that is zero in {@code word}.
	 * Bytes above a zero byte can be marked too (a borrow), so callers verify each
	 * candidate; no zero byte is ever missed.
	 */
	private static long zeroBytes(long word) {
		return (word - ONES) & ~word & HIGH_BITS;
	}

	private static boolean matchesAt(byte[] bytes, int index) {
		for (int j = 0; j < USAGE_KEY.length; j++) {
			if (bytes[index + j] != USAGE_KEY[j]) {
				return false;
			}
		}
		return true;
	}

	private static boolean isWhitespace(byte value) {
		return value == ' ' || value == '\t' || value == '\r' || value == '\n';
	}

}
