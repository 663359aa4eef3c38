package dev.usagemonitor.notify;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One message to one channel: the events of one cycle for one account.
 *
 * @param messageId stable id of the message, the same on every attempt (the
 * {@code webhook-id} of generic webhooks)
 * @param channel channel name
 * @param account account name
 * @param events the events, oldest first; never empty
 * @param dashboardUrl dashboard address to link to, or {@code null}
 */
record Notification(String messageId, String channel, String account, List<NotifiedEvent> events, URI dashboardUrl) {

	Notification {
		if (events.isEmpty()) {
			throw new IllegalArgumentException("Notification " + messageId + " has no events");
		}
		events = List.copyOf(events);
	}

	/**
	 * Returns the most urgent level among the events that are still firing, or
	 * {@link Severity#INFO} when all are good news.
	 */
	Severity highestFiringSeverity() {
		return this.events.stream()
			.filter((event) -> !event.isGoodNews())
			.map(NotifiedEvent::severity)
			.max(Comparator.naturalOrder())
			.orElse(Severity.INFO);
	}

	/**
	 * Returns a one-line summary: the title of a single event, or the account and the
	 * number of events.
	 */
	String headline() {
		if (this.events.size() == 1) {
			return this.events.get(0).title();
		}
		return this.account + ": " + this.events.size() + " usage alerts";
	}

	Instant latestOccurredAt() {
		return this.events.stream().map(NotifiedEvent::occurredAt).max(Comparator.naturalOrder()).orElseThrow();
	}

}
