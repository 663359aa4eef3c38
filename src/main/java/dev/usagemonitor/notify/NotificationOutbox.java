package dev.usagemonitor.notify;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the notifications of a cycle into {@code notification_outbox}, in the caller's
 * transaction, so that alert events and their notifications are stored together or not at
 * all. Sending is left to {@link FlushNotifications}.
 */
public class NotificationOutbox {

	private static final Logger logger = LoggerFactory.getLogger(NotificationOutbox.class);

	private final JdbcClient jdbc;

	private final Channels channels;

	private final Clock clock;

	NotificationOutbox(JdbcClient jdbc, Channels channels, Clock clock) {
		this.jdbc = jdbc;
		this.channels = channels;
		this.clock = clock;
	}

	/**
	 * Inserts one outbox row per alert event of the cycle and channel that accepts it (by
	 * {@code min-severity} and {@code accounts}). The events of one account for one
	 * channel share a message id and are sent as one message. Suppressed events get a
	 * {@code suppressed} row and are never sent. Calling it again for the same cycle adds
	 * only the rows that are missing.
	 * @param cycleId the cycle whose {@code alert_events} rows to notify
	 * @return the number of rows inserted
	 * @throws IllegalStateException when no transaction is active
	 */
	public int enqueue(String cycleId) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("NotificationOutbox.enqueue(" + cycleId
					+ ") must run inside the transaction that wrote the alert events");
		}
		long now = this.clock.millis();
		List<CycleEvent> events = findEvents(cycleId);
		int inserted = 0;
		for (Channel channel : this.channels.all()) {
			inserted += enqueue(channel, events, cycleId, now);
		}
		logger.debug("Enqueued {} notification rows for cycle {} ({} events)", inserted, cycleId, events.size());
		return inserted;
	}

	private int enqueue(Channel channel, List<CycleEvent> events, String cycleId, long now) {
		Map<Long, String> messageIds = new HashMap<>();
		int inserted = 0;
		for (CycleEvent event : events) {
			if (!channel.accepts(event.account(), Severity.ofEventLevel(event.level()))) {
				continue;
			}
			String messageId = event.suppressed() ? null
					: messageIds.computeIfAbsent(event.accountId(), (account) -> newMessageId());
			inserted += insert(event, channel.name(), cycleId, messageId, now);
		}
		return inserted;
	}

	private int insert(CycleEvent event, String channel, String cycleId, String messageId, long now) {
		return this.jdbc.sql("""
				INSERT INTO notification_outbox
					(event_id, account_id, channel, cycle_id, status, attempts, next_attempt_at, created_at, message_id)
				VALUES (:event, :account, :channel, :cycle, :status, 0, :now, :now, :message)
				ON CONFLICT (event_id, channel) DO NOTHING
				""")
			.param("event", event.id())
			.param("account", event.accountId())
			.param("channel", channel)
			.param("cycle", cycleId)
			.param("status", (messageId != null) ? "pending" : "suppressed")
			.param("now", now)
			.param("message", messageId)
			.update();
	}

	private List<CycleEvent> findEvents(String cycleId) {
		return this.jdbc.sql("""
				SELECT e.id, e.account_id, a.name, e.level, e.suppressed_by
				FROM alert_events e JOIN accounts a ON a.id = e.account_id
				WHERE e.cycle_id = :cycle ORDER BY e.id
				""")
			.param("cycle", cycleId)
			.query((rs, row) -> new CycleEvent(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"),
					rs.getString("level"), rs.getString("suppressed_by") != null))
			.list();
	}

	/**
	 * Returns a new message id in the Standard Webhooks style: {@code msg_} and 32 hex
	 * digits, without {@code .}.
	 */
	private static String newMessageId() {
		return "msg_" + UUID.randomUUID().toString().replace("-", "");
	}

	private record CycleEvent(long id, long accountId, String account, String level, boolean suppressed) {
	}

}
