package dev.usagemonitor.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the state of notification delivery for the dashboard and {@code queryUsage}: per
 * channel the outbox rows by status, the broken state with the receiver's error, and the
 * latest delivery error. Channels that are stored but no longer configured are listed
 * too, so given-up rows stay visible.
 */
public class NotificationStatusQuery {

	private final JdbcClient jdbc;

	private final Channels channels;

	NotificationStatusQuery(JdbcClient jdbc, Channels channels) {
		this.jdbc = jdbc;
		this.channels = channels;
	}

	/**
	 * Returns one entry per configured or stored channel, configured ones first.
	 */
	public List<ChannelStatus> channels() {
		Map<String, Map<String, Long>> counts = countsByChannel();
		Map<String, ChannelStatus> statuses = new LinkedHashMap<>();
		this.channels.all()
			.forEach((channel) -> statuses.put(channel.name(),
					new ChannelStatus(channel.name(), channel.type().value(), true, Map.of(), null, null, null, null)));
		this.jdbc.sql("SELECT name, type, broken_at, broken_reason FROM notification_channels ORDER BY name")
			.query((rs, row) -> stored(rs, statuses.containsKey(rs.getString("name"))))
			.list()
			.forEach((stored) -> statuses.put(stored.name(), stored));
		counts.keySet()
			.forEach((name) -> statuses.putIfAbsent(name,
					new ChannelStatus(name, null, false, Map.of(), null, null, null, null)));
		return statuses.values().stream().map((status) -> withDelivery(status, counts)).toList();
	}

	private ChannelStatus withDelivery(ChannelStatus status, Map<String, Map<String, Long>> counts) {
		LastError lastError = this.jdbc.sql("""
				SELECT last_error, last_attempt_at FROM notification_outbox
				WHERE channel = :channel AND last_error IS NOT NULL
				ORDER BY last_attempt_at DESC NULLS LAST, id DESC LIMIT 1
				""")
			.param("channel", status.name())
			.query((rs, row) -> new LastError(rs.getString("last_error"), instant(rs, "last_attempt_at")))
			.optional()
			.orElse(new LastError(null, null));
		return new ChannelStatus(status.name(), status.type(), status.configured(),
				counts.getOrDefault(status.name(), Map.of()), status.brokenAt(), status.brokenReason(),
				lastError.error(), lastError.at());
	}

	private Map<String, Map<String, Long>> countsByChannel() {
		Map<String, Map<String, Long>> counts = new HashMap<>();
		this.jdbc.sql("SELECT channel, status, COUNT(*) AS n FROM notification_outbox GROUP BY channel, status")
			.query((rs, row) -> counts.computeIfAbsent(rs.getString("channel"), (name) -> new LinkedHashMap<>())
				.put(rs.getString("status"), rs.getLong("n")))
			.list();
		return counts;
	}

	private static ChannelStatus stored(ResultSet rs, boolean configured) throws SQLException {
		return new ChannelStatus(rs.getString("name"), rs.getString("type"), configured, Map.of(),
				instant(rs, "broken_at"), rs.getString("broken_reason"), null, null);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		long millis = rs.getLong(column);
		return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
	}

	private record LastError(String error, Instant at) {
	}

	/**
	 * Delivery state of one channel. Texts never contain the channel's URL, secret or
	 * token.
	 *
	 * @param name channel name
	 * @param type channel type, or {@code null} when only outbox rows remain
	 * @param configured whether the channel is in the current configuration
	 * @param rowsByStatus outbox rows (one per event) by status: {@code pending},
	 * {@code delivered}, {@code given_up}, {@code suppressed}
	 * @param brokenAt when a receiver rejected the channel for good, or {@code null}
	 * @param brokenReason the receiver's error text, or {@code null}
	 * @param lastError the most recent delivery error, or {@code null}
	 * @param lastErrorAt time of the attempt that failed with {@code lastError}
	 */
	public record ChannelStatus(String name, String type, boolean configured, Map<String, Long> rowsByStatus,
			Instant brokenAt, String brokenReason, String lastError, Instant lastErrorAt) {

		public boolean broken() {
			return this.brokenAt != null;
		}

	}

}
