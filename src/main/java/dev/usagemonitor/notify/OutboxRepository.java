package dev.usagemonitor.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Delivery-side access to {@code notification_outbox}. All rows of one message share a
 * {@code message_id} and change state together. Each update is a single statement, so a
 * process killed between two of them leaves every row pending or delivered, never lost.
 */
class OutboxRepository {

	private final JdbcClient jdbc;

	OutboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Returns the pending messages that are due, oldest first, leaving out channels that
	 * are broken.
	 */
	List<PendingMessage> findDue(Instant now, int limit) {
		return this.jdbc.sql("""
				SELECT message_id, channel, MIN(created_at) AS created_at, MAX(last_error) AS last_error
				FROM notification_outbox
				WHERE status = 'pending' AND next_attempt_at <= :now AND channel NOT IN
					(SELECT name FROM notification_channels WHERE broken_at IS NOT NULL)
				GROUP BY message_id, channel
				ORDER BY MIN(created_at), message_id
				LIMIT :limit
				""").param("now", now.toEpochMilli()).param("limit", limit).query(OutboxRepository::pending).list();
	}

	/**
	 * Returns every pending message, due or not, whatever its channel.
	 */
	List<PendingMessage> findPending() {
		return this.jdbc.sql("""
				SELECT message_id, channel, MIN(created_at) AS created_at, MAX(last_error) AS last_error
				FROM notification_outbox
				WHERE status = 'pending'
				GROUP BY message_id, channel
				""").query(OutboxRepository::pending).list();
	}

	/**
	 * Claims a due message for one attempt: counts the attempt and hides the message from
	 * other flushes until {@code leaseUntil}, after which a crashed attempt is retried.
	 * <p>
	 * The claim is one conditional update, so at most one of several concurrent flushes
	 * wins, also across replicas. SQLite runs writes one at a time. PostgreSQL makes a
	 * concurrent update of the same rows wait for the winner to commit and then evaluates
	 * its {@code WHERE} clause again on the committed rows, which are no longer due. A
	 * {@code FOR UPDATE SKIP LOCKED} claim would not serve here: it can split the rows of
	 * one message between two flushes.
	 * @return the number of attempts including this one, or 0 when another flush claimed
	 * the message first
	 */
	int claim(String messageId, Instant now, Instant leaseUntil) {
		int claimed = this.jdbc.sql("""
				UPDATE notification_outbox
				SET attempts = attempts + 1, last_attempt_at = :now, next_attempt_at = :lease
				WHERE message_id = :id AND status = 'pending' AND next_attempt_at <= :now
				""")
			.param("id", messageId)
			.param("now", now.toEpochMilli())
			.param("lease", leaseUntil.toEpochMilli())
			.update();
		if (claimed == 0) {
			return 0;
		}
		return this.jdbc.sql("SELECT MAX(attempts) FROM notification_outbox WHERE message_id = :id")
			.param("id", messageId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Returns the events of a pending message with their account name, oldest first.
	 */
	List<NotifiedEvent> findEvents(String messageId) {
		return this.jdbc.sql("""
				SELECT e.id, e.type, e.level, e.state, e.window_id, e.value, e.resets_at, e.occurred_at,
					e.title, e.message
				FROM notification_outbox o JOIN alert_events e ON e.id = o.event_id
				WHERE o.message_id = :id AND o.status = 'pending'
				ORDER BY e.occurred_at, e.id
				""").param("id", messageId).query(OutboxRepository::event).list();
	}

	String findAccountName(String messageId) {
		return this.jdbc.sql("""
				SELECT a.name FROM notification_outbox o JOIN accounts a ON a.id = o.account_id
				WHERE o.message_id = :id LIMIT 1
				""").param("id", messageId).query(String.class).single();
	}

	void markDelivered(String messageId, Instant now) {
		update("status = 'delivered', delivered_at = :now, last_error = NULL", messageId, now, null);
	}

	/**
	 * Records a failed attempt and the time of the next one.
	 */
	void reschedule(String messageId, String error, Instant nextAttempt) {
		update("next_attempt_at = :now, last_error = :error", messageId, nextAttempt, error);
	}

	/**
	 * Moves the next attempt to a later time without recording an error (pacing).
	 */
	void defer(String messageId, Instant until) {
		update("next_attempt_at = :now", messageId, until, null);
	}

	/**
	 * Gives up a pending message unless an attempt started at or after
	 * {@code attemptedBefore}, which means another flush may be sending it right now.
	 * @return whether the message was given up
	 */
	boolean giveUp(String messageId, String error, Instant now, Instant attemptedBefore) {
		return this.jdbc.sql("""
				UPDATE notification_outbox SET status = 'given_up', last_error = :error, next_attempt_at = :now
				WHERE message_id = :id AND status = 'pending'
					AND (last_attempt_at IS NULL OR last_attempt_at < :attemptedBefore)
				""")
			.param("id", messageId)
			.param("error", error)
			.param("now", now.toEpochMilli())
			.param("attemptedBefore", attemptedBefore.toEpochMilli())
			.update() > 0;
	}

	private void update(String assignments, String messageId, Instant time, String error) {
		this.jdbc
			.sql("UPDATE notification_outbox SET " + assignments + " WHERE message_id = :id AND status = 'pending'")
			.param("id", messageId)
			.param("now", time.toEpochMilli())
			.param("error", error)
			.update();
	}

	private static PendingMessage pending(ResultSet rs, int row) throws SQLException {
		return new PendingMessage(rs.getString("message_id"), rs.getString("channel"),
				Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("last_error"));
	}

	private static NotifiedEvent event(ResultSet rs, int row) throws SQLException {
		double value = rs.getDouble("value");
		Double boxedValue = rs.wasNull() ? null : value;
		long resetsAt = rs.getLong("resets_at");
		Instant resets = rs.wasNull() ? null : Instant.ofEpochMilli(resetsAt);
		return new NotifiedEvent(rs.getLong("id"), rs.getString("type"), rs.getString("level"), rs.getString("state"),
				rs.getString("window_id"), boxedValue, resets, Instant.ofEpochMilli(rs.getLong("occurred_at")),
				rs.getString("title"), rs.getString("message"));
	}

	/**
	 * A pending message: the outbox rows sharing one message id.
	 *
	 * @param messageId stable message id
	 * @param channel channel name
	 * @param createdAt when the rows were enqueued
	 * @param lastError error of the last failed attempt, or {@code null}
	 */
	record PendingMessage(String messageId, String channel, Instant createdAt, String lastError) {
	}

}
