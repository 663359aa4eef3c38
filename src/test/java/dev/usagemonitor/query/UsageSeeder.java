package dev.usagemonitor.query;

import java.time.Instant;
import java.util.List;

import dev.usagemonitor.collect.AccountRepository;
import dev.usagemonitor.collect.CollectionRunRepository;
import dev.usagemonitor.collect.CollectionStatus;
import dev.usagemonitor.collect.ObservationRepository;
import dev.usagemonitor.collect.UsageWindow;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the rows that the collection, alert and notification features store, so that
 * tests of the report and the dashboard can read them back.
 */
public final class UsageSeeder {

	private final JdbcClient jdbc;

	private final AccountRepository accounts;

	private final ObservationRepository observations;

	private final CollectionRunRepository runs;

	public UsageSeeder(JdbcClient jdbc, AccountRepository accounts, ObservationRepository observations,
			CollectionRunRepository runs) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.observations = observations;
		this.runs = runs;
	}

	public long account(String name, String source) {
		return this.accounts.ensure(name, source);
	}

	public long run(long accountId, Instant at, CollectionStatus status, String message) {
		return this.runs.save(accountId, "cycle-" + at.toEpochMilli(), at.minusSeconds(2), at, status, message, null);
	}

	public void observe(long accountId, Long runId, Instant at, UsageWindow... windows) {
		this.observations.saveAll(accountId, runId, at, "claude-web", List.of(windows));
	}

	public long alert(long accountId, String windowId, String type, String level, Instant startedAt, Instant resolvedAt,
			Double value, String message) {
		long alertId = this.jdbc.sql("""
				INSERT INTO alerts (account_id, window_id, instance_key, type, level, state, started_at, resolved_at,
				    value, resets_at, message)
				VALUES (:account, :window, 0, :type, :level, :state, :started, :resolved, :value, NULL, :message)
				RETURNING id
				""")
			.param("account", accountId)
			.param("window", windowId)
			.param("type", type)
			.param("level", level)
			.param("state", (resolvedAt != null) ? "resolved" : "firing")
			.param("started", startedAt.toEpochMilli())
			.param("resolved", (resolvedAt != null) ? resolvedAt.toEpochMilli() : null)
			.param("value", value)
			.param("message", message)
			.query(Long.class)
			.single();
		return alertId;
	}

	public long event(long alertId, long accountId, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO alert_events (alert_id, account_id, cycle_id, window_id, type, level, state, value,
				    resets_at, occurred_at, title, message, suppressed_by)
				VALUES (:alert, :account, NULL, '', 'threshold', 'warning', 'firing', NULL, NULL, :at, 'title',
				    'message', NULL)
				RETURNING id
				""")
			.param("alert", alertId)
			.param("account", accountId)
			.param("at", at.toEpochMilli())
			.query(Long.class)
			.single();
	}

	public void outbox(long eventId, long accountId, String channel, String status, Instant createdAt) {
		this.jdbc.sql("""
				INSERT INTO notification_outbox (event_id, account_id, channel, status, attempts, next_attempt_at,
				    created_at)
				VALUES (:event, :account, :channel, :status, 1, :created, :created)
				""")
			.param("event", eventId)
			.param("account", accountId)
			.param("channel", channel)
			.param("status", status)
			.param("created", createdAt.toEpochMilli())
			.update();
	}

	public void channel(String name, String type, Instant brokenAt, String reason) {
		this.jdbc.sql("""
				INSERT INTO notification_channels (name, type, config_fingerprint, broken_at, broken_reason, updated_at)
				VALUES (:name, :type, 'fingerprint', :broken, :reason, 0)
				""")
			.param("name", name)
			.param("type", type)
			.param("broken", (brokenAt != null) ? brokenAt.toEpochMilli() : null)
			.param("reason", reason)
			.update();
	}

}
