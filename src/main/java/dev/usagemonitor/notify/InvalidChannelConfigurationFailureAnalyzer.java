package dev.usagemonitor.notify;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns invalid channel properties into Spring Boot's "APPLICATION FAILED TO START"
 * report, with each problem and its fix.
 */
class InvalidChannelConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidChannelConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidChannelConfigurationException cause) {
		String description = "Invalid notification channels:\n - " + String.join("\n - ", cause.problems());
		String action = "Fix the monitor.channels properties listed above (in application.properties,"
				+ " application.yaml or MONITOR_CHANNELS_<N>_<NAME> environment variables) and start again.";
		return new FailureAnalysis(description, action, cause);
	}

}
