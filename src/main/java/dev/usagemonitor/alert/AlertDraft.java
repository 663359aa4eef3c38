package dev.usagemonitor.alert;

import java.time.Instant;

/**
 * An alert about to fire.
 *
 * @param windowId window id, or {@code ""} for account-level alerts
 * @param instanceKey window instance or episode key, see {@link Alert#instanceKey()}
 * @param type what the alert is about
 * @param level severity
 * @param value the value that makes it fire
 * @param resetsAt the window's reset instant, or {@code null}
 * @param text title and message of the firing event
 */
record AlertDraft(String windowId, long instanceKey, AlertType type, AlertLevel level, Double value, Instant resetsAt,
		AlertText text) {

}
