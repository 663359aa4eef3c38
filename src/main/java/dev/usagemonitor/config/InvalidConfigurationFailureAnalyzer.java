package dev.usagemonitor.config;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link InvalidConfigurationException} into the start-up failure report: one
 * line per invalid property in the description, one line per fix in the action.
 */
class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationException cause) {
		String description = cause.problems()
			.stream()
			.map((problem) -> "- " + problem.property() + " " + problem.problem())
			.collect(Collectors.joining(System.lineSeparator(),
					"The monitor configuration is invalid:" + System.lineSeparator(), ""));
		String action = cause.problems()
			.stream()
			.map((problem) -> "- " + problem.property() + ": " + problem.fix())
			.collect(Collectors.joining(System.lineSeparator(), "Correct these properties:" + System.lineSeparator(),
					""));
		return new FailureAnalysis(description, action, cause);
	}

}
