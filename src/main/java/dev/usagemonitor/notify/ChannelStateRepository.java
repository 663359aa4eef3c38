package dev.usagemonitor.notify;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows of {@code notification_channels}: the configuration fingerprint, the broken state
 * and the earliest time the next message may be sent (pacing).
 */
class ChannelStateRepository {

	private final JdbcClient jdbc;

	ChannelStateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ChannelState> find(String name) {
		return this.jdbc.sql("""
				SELECT name, config_fingerprint, broken_at, broken_reason, next_send_at
				FROM notification_channels WHERE name = :name
				""").param("name", name).query((rs, row) -> {
			long brokenAt = rs.getLong("broken_at");
			Instant broken = rs.wasNull() ? null : Instant.ofEpochMilli(brokenAt);
			return new ChannelState(rs.getString("name"), rs.getString("config_fingerprint"), broken,
					rs.getString("broken_reason"), Instant.ofEpochMilli(rs.getLong("next_send_at")));
		}).optional();
	}

	/**
	 * Stores the channel's current configuration. A changed fingerprint clears the broken
	 * state and the pacing, so the channel is tried again.
	 * @return the state before the update, empty for a new channel
	 */
	Optional<ChannelState> sync(Channel channel, Instant now) {
		Optional<ChannelState> before = find(channel.name());
		this.jdbc.sql("""
				INSERT INTO notification_channels (name, type, config_fingerprint, next_send_at, updated_at)
				VALUES (:name, :type, :fingerprint, 0, :now)
				ON CONFLICT (name) DO UPDATE SET type = excluded.type,
					config_fingerprint = excluded.config_fingerprint, broken_at = NULL, broken_reason = NULL,
					next_send_at = 0, updated_at = excluded.updated_at
				WHERE notification_channels.config_fingerprint <> excluded.config_fingerprint
				""")
			.param("name", channel.name())
			.param("type", channel.type().value())
			.param("fingerprint", channel.fingerprint())
			.param("now", now.toEpochMilli())
			.update();
		return before;
	}

	void markBroken(String name, String reason, Instant now) {
		this.jdbc.sql("""
				UPDATE notification_channels SET broken_at = :now, broken_reason = :reason, updated_at = :now
				WHERE name = :name
				""").param("name", name).param("reason", reason).param("now", now.toEpochMilli()).update();
	}

	/**
	 * Moves the earliest next send of the channel to {@code until}, unless it is already
	 * later.
	 */
	void pauseUntil(String name, Instant until) {
		this.jdbc.sql("""
				UPDATE notification_channels SET next_send_at = :until
				WHERE name = :name AND next_send_at < :until
				""").param("name", name).param("until", until.toEpochMilli()).update();
	}

	/**
	 * The stored state of a channel.
	 *
	 * @param name channel name
	 * @param fingerprint hash of the configuration the state belongs to
	 * @param brokenAt when a receiver rejected the channel for good, or {@code null}
	 * @param brokenReason the receiver's error text, or {@code null}
	 * @param nextSendAt earliest time of the next message
	 */
	record ChannelState(String name, String fingerprint, Instant brokenAt, String brokenReason, Instant nextSendAt) {

		boolean isBroken() {
			return this.brokenAt != null;
		}

	}

}
