package dev.usagemonitor.alert;

import java.time.Instant;

/**
 * A stored alert: one condition of one window instance (or of the account) at one level.
 *
 * @param id row id
 * @param accountId account row id
 * @param windowId window id, or {@code ""} for account-level alerts
 * @param instanceKey what identifies the window instance or episode, in epoch
 * milliseconds: the window's {@code resets_at}, the start of the day for daily tokens,
 * the start of the last successful collection for collection alerts, or 0 when the window
 * has no reset instant
 * @param type what the alert is about
 * @param level severity
 * @param state firing or resolved
 * @param startedAt when it fired
 * @param resolvedAt when it stopped firing, or {@code null} while firing
 * @param value the value that made it fire: percent, amount, tokens or failed runs
 * @param resetsAt the window's reset instant when it fired, or {@code null}
 * @param message the message of the firing event
 * @param resolution why it stopped firing, or {@code null} while firing
 */
public record Alert(long id, long accountId, String windowId, long instanceKey, AlertType type, AlertLevel level,
		AlertState state, Instant startedAt, Instant resolvedAt, Double value, Instant resetsAt, String message,
		String resolution) {

	/**
	 * Tells whether the alert is firing.
	 */
	public boolean firing() {
		return this.state == AlertState.FIRING;
	}

}
