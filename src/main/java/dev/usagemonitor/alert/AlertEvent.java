package dev.usagemonitor.alert;

import java.time.Instant;

/**
 * A change of an alert's state, as stored in {@code alert_events} and returned by an
 * evaluation. Notifications are built from these.
 *
 * @param id row id
 * @param alertId the alert that changed
 * @param account account name
 * @param cycleId cycle that produced the event
 * @param window window id, or {@code ""} for account-level alerts
 * @param type what the alert is about
 * @param level severity
 * @param state the state the alert entered
 * @param value the value at the time of the event, or {@code null}
 * @param resetsAt the window's reset instant, or {@code null}
 * @param occurredAt when the evaluation produced the event
 * @param title short title, for example "personal: weekly limit (all models) critical"
 * @param message one line a person can act on
 * @param suppressedBy the silence ({@code silence:NAME}) or {@code quiet-hours} that
 * suppresses the notification, or {@code null} when it goes out
 */
public record AlertEvent(long id, long alertId, String account, String cycleId, String window, AlertType type,
		AlertLevel level, AlertState state, Double value, Instant resetsAt, Instant occurredAt, String title,
		String message, String suppressedBy) {

	/**
	 * Tells whether a silence or quiet hours suppress the notification.
	 */
	public boolean suppressed() {
		return this.suppressedBy != null;
	}

}
