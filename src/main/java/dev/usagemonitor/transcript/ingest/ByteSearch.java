package dev.usagemonitor.transcript.ingest;

/**
 * Byte-level checks on a line before any JSON parsing.
 */
final class ByteSearch {

	private ByteSearch() {
	}

	/**
	 * Tells whether {@code pattern} occurs in {@code bytes[offset, offset + length)}.
	 */
	static boolean contains(byte[] bytes, int offset, int length, byte[] pattern) {
		byte first = pattern[0];
		int last = offset + length - pattern.length;
		for (int i = offset; i <= last; i++) {
			if (bytes[i] == first && matchesAt(bytes, i, pattern)) {
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

	private static boolean matchesAt(byte[] bytes, int index, byte[] pattern) {
		for (int j = 1; j < pattern.length; j++) {
			if (bytes[index + j] != pattern[j]) {
				return false;
			}
		}
		return true;
	}

	private static boolean isWhitespace(byte value) {
		return value == ' ' || value == '\t' || value == '\r' || value == '\n';
	}

}
