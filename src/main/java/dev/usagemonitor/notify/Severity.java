package dev.usagemonitor.notify;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Alert levels in ascending order of urgency, as stored in {@code alert_events.level}.
 */
enum Severity {

	INFO, WARNING, CRITICAL, EXHAUSTED;

	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	boolean isAtLeast(Severity minimum) {
		return compareTo(minimum) >= 0;
	}

	static Optional<Severity> of(String value) {
		return Arrays.stream(values()).filter((severity) -> severity.value().equals(value)).findFirst();
	}

	/**
	 * Returns the severity of a stored event level. A level this version does not know is
	 * treated as a warning, so it passes the default filters instead of being dropped.
	 */
	static Severity ofEventLevel(String level) {
		return of(level).orElse(WARNING);
	}

	static String allValues() {
		return Arrays.stream(values()).map(Severity::value).collect(Collectors.joining(", "));
	}

}
