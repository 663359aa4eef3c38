package dev.usagemonitor.support;

import java.util.Arrays;

/**
 * Turns properties into command-line arguments. Tests that start the application with
 * {@code SpringApplicationBuilder} pass their properties this way, because the builder's
 * default properties rank below {@code application.properties} and would not replace its
 * database URL.
 */
public final class CommandLine {

	private CommandLine() {
	}

	/**
	 * Returns {@code --key=value} arguments for {@code key=value} properties.
	 */
	public static String[] arguments(String... properties) {
		return Arrays.stream(properties).map((property) -> "--" + property).toArray(String[]::new);
	}

}
