package dev.usagemonitor.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the sample responses under {@code src/test/resources/fixtures}.
 */
public final class Fixtures {

	private Fixtures() {
	}

	/**
	 * Returns a fixture file as text, for example {@code text("claude-usage-2026.json")}.
	 */
	public static String text(String name) {
		try (InputStream stream = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
			if (stream == null) {
				throw new IllegalArgumentException("No fixture named " + name + " under src/test/resources/fixtures");
			}
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
