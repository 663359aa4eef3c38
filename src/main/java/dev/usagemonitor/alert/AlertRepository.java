package dev.usagemonitor.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Alerts and their events. Every write joins the caller's transaction.
 */
@Repository
public class AlertRepository {

	private static final String COLUMNS = """
			id, account_id, window_id, instance_key, type, level, state, started_at, resolved_at, value,
			resets_at, message, resolution
			""";

	private final JdbcClient jdbc;

	AlertRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Returns the alerts of one window (or {@code ""} for the account) and types that are
	 * firing or started at or after {@code since}, oldest first.
	 */
	public List<Alert> findRecent(long accountId, String windowId, Collection<AlertType> types, Instant since) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				FROM alerts
				WHERE account_id = :account AND window_id = :window AND type IN (:types)
				  AND (state = 'firing' OR started_at >= :since)
				ORDER BY started_at, id
				""")
			.param("account", accountId)
			.param("window", windowId)
			.param("types", types.stream().map(AlertType::code).toList())
			.param("since", since.toEpochMilli())
			.query(AlertRepository::map)
			.list();
	}

	/**
	 * Stores a firing alert and returns it.
	 */
	Alert insertFiring(long accountId, AlertDraft draft, Instant now) {
		long id = this.jdbc.sql("""
				INSERT INTO alerts (account_id, window_id, instance_key, type, level, state, started_at, value,
				    resets_at, message)
				VALUES (:account, :window, :instance, :type, :level, 'firing', :now, :value, :resets, :message)
				RETURNING id
				""")
			.param("account", accountId)
			.param("window", draft.windowId())
			.param("instance", draft.instanceKey())
			.param("type", draft.type().code())
			.param("level", draft.level().code())
			.param("now", now.toEpochMilli())
			.param("value", draft.value())
			.param("resets", epochMillis(draft.resetsAt()))
			.param("message", draft.text().message())
			.query(Long.class)
			.single();
		return new Alert(id, accountId, draft.windowId(), draft.instanceKey(), draft.type(), draft.level(),
				AlertState.FIRING, now, null, draft.value(), draft.resetsAt(), draft.text().message(), null);
	}

	/**
	 * Marks a firing alert resolved. Does nothing when it is already resolved.
	 */
	void resolve(long alertId, Instant at, String resolution) {
		this.jdbc.sql("""
				UPDATE alerts SET state = 'resolved', resolved_at = :at, resolution = :resolution
				WHERE id = :id AND state = 'firing'
				""").param("id", alertId).param("at", at.toEpochMilli()).param("resolution", resolution).update();
	}

	/**
	 * Moves the alerts of one window instance to a new instance key, used when the source
	 * reschedules a reset without the usage dropping.
	 */
	void rekey(long accountId, String windowId, long oldKey, long newKey, Instant resetsAt) {
		this.jdbc.sql("""
				UPDATE alerts SET instance_key = :new, resets_at = :resets
				WHERE account_id = :account AND window_id = :window AND instance_key = :old
				""")
			.param("account", accountId)
			.param("window", windowId)
			.param("old", oldKey)
			.param("new", newKey)
			.param("resets", epochMillis(resetsAt))
			.update();
	}

	/**
	 * Stores an event and returns its row id.
	 */
	long insertEvent(AlertEvent event, long accountId) {
		return this.jdbc.sql("""
				INSERT INTO alert_events (alert_id, account_id, cycle_id, window_id, type, level, state, value,
				    resets_at, occurred_at, title, message, suppressed_by)
				VALUES (:alert, :account, :cycle, :window, :type, :level, :state, :value, :resets, :occurred,
				    :title, :message, :suppressed)
				RETURNING id
				""")
			.param("alert", event.alertId())
			.param("account", accountId)
			.param("cycle", event.cycleId())
			.param("window", event.window())
			.param("type", event.type().code())
			.param("level", event.level().code())
			.param("state", event.state().code())
			.param("value", event.value())
			.param("resets", epochMillis(event.resetsAt()))
			.param("occurred", event.occurredAt().toEpochMilli())
			.param("title", event.title())
			.param("message", event.message())
			.param("suppressed", event.suppressedBy())
			.query(Long.class)
			.single();
	}

	private static Long epochMillis(Instant instant) {
		return (instant != null) ? instant.toEpochMilli() : null;
	}

	private static Alert map(ResultSet rs, int row) throws SQLException {
		return new Alert(rs.getLong("id"), rs.getLong("account_id"), rs.getString("window_id"),
				rs.getLong("instance_key"), AlertType.ofCode(rs.getString("type")),
				AlertLevel.ofCode(rs.getString("level")), AlertState.ofCode(rs.getString("state")),
				Instant.ofEpochMilli(rs.getLong("started_at")), instant(rs, "resolved_at"), decimal(rs, "value"),
				instant(rs, "resets_at"), rs.getString("message"), rs.getString("resolution"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		long millis = rs.getLong(column);
		return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
	}

	private static Double decimal(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

}
