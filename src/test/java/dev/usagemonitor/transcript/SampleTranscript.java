package dev.usagemonitor.transcript;

import java.util.List;
import java.util.stream.Collectors;

import dev.usagemonitor.support.Fixtures;

/**
 * The sample session {@code claude-code-session.jsonl} and ranges of its lines.
 */
public final class SampleTranscript {

	/** Name of the fixture file. */
	public static final String FILE = "claude-code-session.jsonl";

	private SampleTranscript() {
	}

	/**
	 * Returns the whole file.
	 */
	public static String text() {
		return Fixtures.text(FILE);
	}

	/**
	 * Returns lines {@code first} to {@code last} (1-based, inclusive), each ending with
	 * a line feed.
	 */
	public static String lines(int first, int last) {
		List<String> lines = text().lines().toList();
		return lines.subList(first - 1, last).stream().map((line) -> line + "\n").collect(Collectors.joining());
	}

}
