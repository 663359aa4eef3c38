package dev.usagemonitor.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal reader of Dockerfile instructions, enough to compare a Dockerfile's ports,
 * environment and entry point with the manifests.
 */
final class Dockerfiles {

	private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S*)");

	private Dockerfiles() {
	}

	/**
	 * Returns the instructions of a Dockerfile as {@code KEYWORD arguments} lines, with
	 * comments dropped and continuation lines joined.
	 */
	static List<String> instructions(String dockerfile) {
		List<String> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : dockerfile.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
				continue;
			}
			boolean continues = trimmed.endsWith("\\");
			current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
			if (!continues) {
				instructions.add(current.toString().strip());
				current.setLength(0);
			}
		}
		return instructions;
	}

	/**
	 * Returns the arguments of every instruction with the keyword, in order.
	 */
	static List<String> arguments(String dockerfile, String keyword) {
		String prefix = keyword.toUpperCase(Locale.ROOT) + " ";
		return instructions(dockerfile).stream()
			.filter((instruction) -> instruction.startsWith(prefix))
			.map((instruction) -> instruction.substring(prefix.length()).strip())
			.toList();
	}

	/**
	 * Returns the variables set by the {@code ENV} instructions of the last stage.
	 */
	static Map<String, String> environment(String dockerfile) {
		Map<String, String> environment = new LinkedHashMap<>();
		for (String instruction : instructions(dockerfile)) {
			if (instruction.startsWith("FROM ")) {
				environment.clear();
			}
			if (instruction.startsWith("ENV ")) {
				Matcher pair = ENV_PAIR.matcher(instruction.substring(4));
				while (pair.find()) {
					environment.put(pair.group(1), unquote(pair.group(2)));
				}
			}
		}
		return environment;
	}

	private static String unquote(String value) {
		return (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))
				? value.substring(1, value.length() - 1) : value;
	}

}
