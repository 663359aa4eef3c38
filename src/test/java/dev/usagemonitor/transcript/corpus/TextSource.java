package dev.usagemonitor.transcript.corpus;

import java.util.Random;

/**
 * Produces filler text of a given length from a fixed word list, with line breaks,
 * quotes, backslashes and non-ASCII characters so that escaping and multi-byte UTF-8 are
 * exercised.
 */
final class TextSource {

	private static final String[] WORDS = { "parser", "window", "usage", "the", "returns", "null", "refactor", "token",
			"cache", "session", "weekly", "limit", "über", "naïve", "→", "✓", "\"quoted\"", "C:\\path", "line\nbreak",
			"{json}", "[array]", "model", "request", "response", "ok", "test", "build", "café" };

	private final Random random;

	TextSource(Random random) {
		this.random = random;
	}

	String text(int length) {
		StringBuilder out = new StringBuilder(length + 16);
		while (out.length() < length) {
			out.append(WORDS[this.random.nextInt(WORDS.length)]).append(' ');
		}
		return out.toString();
	}

}
