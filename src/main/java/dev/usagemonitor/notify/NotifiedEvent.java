package dev.usagemonitor.notify;

import java.time.Instant;

/**
 * An alert event as it appears in a notification.
 *
 * @param eventId id of the {@code alert_events} row
 * @param type alert type, such as {@code threshold} or {@code window_reset}
 * @param level {@code info}, {@code warning}, {@code critical} or {@code exhausted}
 * @param state {@code firing} or {@code resolved}
 * @param windowId usage window, empty for account-level alerts
 * @param value measured value (a percentage for usage windows), or {@code null}
 * @param resetsAt end of the window instance, or {@code null}
 * @param occurredAt when the event happened
 * @param title short title
 * @param message one line a person can act on
 */
record NotifiedEvent(long eventId, String type, String level, String state, String windowId, Double value,
		Instant resetsAt, Instant occurredAt, String title, String message) {

	Severity severity() {
		return Severity.ofEventLevel(this.level);
	}

	boolean isResolved() {
		return "resolved".equals(this.state);
	}

	/**
	 * Tells whether the event brings good news: a resolved alert or an informational one
	 * such as a window reset.
	 */
	boolean isGoodNews() {
		return isResolved() || severity() == Severity.INFO;
	}

}
