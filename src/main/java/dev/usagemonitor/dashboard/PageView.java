package dev.usagemonitor.dashboard;

import java.util.List;

/**
 * Everything the dashboard page shows. Every text is plain; the templates escape it.
 *
 * @param generatedAt time of the report in the viewer's zone
 * @param zone the viewer's zone id
 * @param accounts one card per account
 * @param notifications delivery state of notifications
 * @param notificationsUrl URL that refreshes the notification block
 * @param tokenRequired whether a sign-out button is shown
 */
public record PageView(String generatedAt, String zone, List<AccountView> accounts, NotificationView notifications,
		String notificationsUrl, boolean tokenRequired) {

	/**
	 * One account card.
	 *
	 * @param name account name
	 * @param id HTML id of the card
	 * @param liveUrl URL of the refreshed part of the card
	 * @param health the health line
	 * @param windows one gauge per window
	 * @param chart the history chart
	 * @param alerts firing alerts first, then recently resolved ones
	 */
	public record AccountView(String name, String id, String liveUrl, HealthView health, List<WindowView> windows,
			ChartView chart, List<AlertView> alerts) {
	}

	/**
	 * The collection health of an account.
	 *
	 * @param ok whether the latest collection succeeded
	 * @param summary what happened, for example "Collected 2 min ago"
	 * @param hint what the operator should do, empty when nothing
	 */
	public record HealthView(boolean ok, String summary, String hint) {
	}

	/**
	 * An alert.
	 *
	 * @param firing whether it is still firing
	 * @param level alert level
	 * @param message the alert's message
	 * @param when when it fired and resolved
	 */
	public record AlertView(boolean firing, String level, String message, String when) {
	}

	/**
	 * Notification delivery.
	 *
	 * @param summary outbox counts in words
	 * @param problem whether something needs attention (broken channel, given-up or
	 * long-pending messages)
	 * @param brokenChannels one line per broken channel
	 */
	public record NotificationView(String summary, boolean problem, List<String> brokenChannels) {
	}

}
