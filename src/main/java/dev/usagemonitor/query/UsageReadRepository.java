package dev.usagemonitor.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.usagemonitor.query.UsageReport.AlertEntry;
import dev.usagemonitor.query.UsageReport.BrokenChannel;
import dev.usagemonitor.query.UsageReport.NotificationState;
import dev.usagemonitor.query.UsageReport.OutboxCounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static dev.usagemonitor.query.UsageHistory.nullableDouble;
import static dev.usagemonitor.query.UsageHistory.nullableLong;

/**
 * Reads what the collection, alert and notification features stored, for the report.
 */
@Repository
class UsageReadRepository {

	private static final int ALERT_LIMIT = 50;

	private final JdbcClient jdbc;

	UsageReadRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Returns the observations of an account with a known utilization observed at or
	 * after {@code since}, oldest first.
	 */
	List<Sample> recentSamples(long accountId, Instant since) {
		return this.jdbc.sql("""
				SELECT window_id, utilization, observed_at, resets_at FROM window_observations
				WHERE account_id = :account AND observed_at >= :since AND utilization IS NOT NULL
				ORDER BY observed_at, id
				""")
			.param("account", accountId)
			.param("since", since.toEpochMilli())
			.query((rs, row) -> new Sample(rs.getString("window_id"), rs.getDouble("utilization"),
					Instant.ofEpochMilli(rs.getLong("observed_at")), toInstant(nullableLong(rs, "resets_at"))))
			.list();
	}

	/**
	 * Returns the firing alerts of an account, newest first, then those resolved at or
	 * after {@code resolvedSince}, most recently resolved first.
	 */
	List<AlertEntry> alerts(long accountId, Instant resolvedSince) {
		return this.jdbc.sql("""
				SELECT type, level, window_id, state, started_at, resolved_at, value, message FROM alerts
				WHERE account_id = :account AND (state = 'firing' OR (state = 'resolved' AND resolved_at >= :since))
				ORDER BY CASE WHEN state = 'firing' THEN 0 ELSE 1 END, COALESCE(resolved_at, started_at) DESC, id DESC
				LIMIT :limit
				""")
			.param("account", accountId)
			.param("since", resolvedSince.toEpochMilli())
			.param("limit", ALERT_LIMIT)
			.query((rs, row) -> new AlertEntry(rs.getString("type"), rs.getString("level"), rs.getString("window_id"),
					rs.getString("state"), Instant.ofEpochMilli(rs.getLong("started_at")),
					toInstant(nullableLong(rs, "resolved_at")), nullableDouble(rs, "value"), rs.getString("message")))
			.list();
	}

	/**
	 * Returns the outbox counts per status and the channels marked broken.
	 */
	NotificationState notifications() {
		Map<String, Long> counts = this.jdbc
			.sql("SELECT status, COUNT(*) AS n FROM notification_outbox GROUP BY status")
			.query((rs, row) -> Map.entry(rs.getString("status"), rs.getLong("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		OutboxCounts outbox = new OutboxCounts(counts.getOrDefault("pending", 0L), counts.getOrDefault("delivered", 0L),
				counts.getOrDefault("given_up", 0L), counts.getOrDefault("suppressed", 0L));
		List<Long> oldest = this.jdbc.sql("SELECT MIN(created_at) FROM notification_outbox WHERE status = 'pending'")
			.query(Long.class)
			.list();
		return new NotificationState(outbox, toInstant(oldest), brokenChannels());
	}

	private List<BrokenChannel> brokenChannels() {
		return this.jdbc.sql("""
				SELECT name, type, broken_at, broken_reason FROM notification_channels
				WHERE broken_at IS NOT NULL ORDER BY name
				""")
			.query((rs, row) -> new BrokenChannel(rs.getString("name"), rs.getString("type"),
					Instant.ofEpochMilli(rs.getLong("broken_at")), rs.getString("broken_reason")))
			.list();
	}

	private static Instant toInstant(List<Long> aggregate) {
		return aggregate.isEmpty() ? null : toInstant(aggregate.get(0));
	}

	private static Instant toInstant(Long epochMillis) {
		return (epochMillis != null) ? Instant.ofEpochMilli(epochMillis) : null;
	}

	/**
	 * One known utilization of a window.
	 *
	 * @param windowId window id
	 * @param utilization percentage
	 * @param observedAt when it was observed
	 * @param resetsAt end of the window instance, or {@code null}
	 */
	record Sample(String windowId, double utilization, Instant observedAt, Instant resetsAt) {
	}

}
