package dev.usagemonitor.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown at start-up when the monitor configuration is invalid. Carries every problem
 * found, each naming its property and the fix.
 */
public class InvalidConfigurationException extends RuntimeException {

	private final List<ConfigurationProblem> problems;

	public InvalidConfigurationException(List<ConfigurationProblem> problems) {
		super(problems.stream().map(ConfigurationProblem::describe).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Returns the problems, in configuration order.
	 */
	public List<ConfigurationProblem> problems() {
		return this.problems;
	}

}
