package dev.usagemonitor.config;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports a failure to bind a {@code monitor.*} property without the value. Spring Boot's
 * own report prints the value, and under {@code monitor} that can be a session key, a
 * token or a webhook URL.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class MonitorBindFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		String name = cause.getName().toString();
		if (!name.startsWith("monitor")) {
			return null;
		}
		String property = (cause.getProperty() != null) ? cause.getProperty().getName().toString() : name;
		String origin = (cause.getProperty() != null && cause.getProperty().getOrigin() != null)
				? " (from " + cause.getProperty().getOrigin() + ")" : "";
		String reason = (cause.getCause() != null) ? cause.getCause().getClass().getSimpleName() : "invalid value";
		String description = "Failed to bind the properties under '" + name + "': " + property + origin + " could not"
				+ " be used (" + reason + "). The value is not shown because it may be a secret.";
		String action = "Check " + property + ". List properties such as monitor.accounts[N] and monitor.channels[N]"
				+ " must be numbered from 0 without gaps (MONITOR_ACCOUNTS_0_..., MONITOR_ACCOUNTS_1_...).";
		return new FailureAnalysis(description, action, cause);
	}

}
