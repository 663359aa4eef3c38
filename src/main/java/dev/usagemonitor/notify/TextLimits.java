package dev.usagemonitor.notify;

import java.nio.charset.StandardCharsets;

/**
 * Shortens text to a service's limit with a trailing ellipsis, never splitting a
 * surrogate pair. Limits count UTF-16 code units, which is at least the number of
 * characters the services count, so a shortened text is always within their limit.
 */
final class TextLimits {

	static final String ELLIPSIS = "…";

	private TextLimits() {
	}

	/**
	 * Returns the text unchanged when it has at most {@code maxLength} UTF-16 code units,
	 * otherwise its start followed by an ellipsis, {@code maxLength} units in total.
	 */
	static String shorten(String text, int maxLength) {
		if (text == null || text.length() <= maxLength) {
			return text;
		}
		if (maxLength <= 0) {
			return "";
		}
		int end = maxLength - ELLIPSIS.length();
		if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, Math.max(end, 0)) + ELLIPSIS;
	}

	/**
	 * Returns the text shortened so that its UTF-8 encoding has at most {@code maxBytes}
	 * bytes, ellipsis included.
	 */
	static String shortenUtf8(String text, int maxBytes) {
		if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
			return text;
		}
		int budget = maxBytes - ELLIPSIS.getBytes(StandardCharsets.UTF_8).length;
		StringBuilder kept = new StringBuilder();
		int used = 0;
		for (int index = 0; index < text.length();) {
			int codePoint = text.codePointAt(index);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (used + size > budget) {
				break;
			}
			kept.appendCodePoint(codePoint);
			used += size;
			index += Character.charCount(codePoint);
		}
		return kept + ELLIPSIS;
	}

}
