package dev.usagemonitor.notify;

import java.util.List;

/**
 * Thrown at start-up when {@code monitor.channels} properties are invalid. The message
 * names each property and its fix and never contains a URL, secret or token.
 */
public class InvalidChannelConfigurationException extends IllegalStateException {

	private final List<String> problems;

	InvalidChannelConfigurationException(List<String> problems) {
		super("Invalid notification channel configuration:\n - " + String.join("\n - ", problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Returns one sentence per invalid property, naming the property and the fix.
	 */
	public List<String> problems() {
		return this.problems;
	}

}
