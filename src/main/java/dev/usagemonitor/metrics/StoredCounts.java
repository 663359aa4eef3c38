package dev.usagemonitor.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts derived from stored rows, so the counters survive restarts and scale-to-zero.
 * Failed collection runs are counted incrementally: the first scrape after a start counts
 * every run, later scrapes only the runs with an id above the last one counted. Outbox
 * outcomes are counted afresh on every scrape, because outbox rows change status.
 * <p>
 * NOTE: deleting old rows from {@code collection_runs} or {@code notification_outbox}
 * lowers the counts after a restart, which Prometheus reads as a counter reset.
 */
@Component
class StoredCounts {

	private final JdbcClient jdbc;

	private final Map<List<String>, Long> fetchErrors = new HashMap<>();

	private long lastRunId;

	StoredCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Returns the number of failed collection runs by account name and reason.
	 */
	synchronized Map<List<String>, Long> fetchErrors() {
		long newest = this.jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM collection_runs").query(Long.class).single();
		if (newest > this.lastRunId) {
			this.jdbc.sql("""
					SELECT a.name, r.status, COUNT(*) AS n FROM collection_runs r JOIN accounts a ON a.id = r.account_id
					WHERE r.id > :after AND r.id <= :upTo AND r.status <> 'ok' GROUP BY a.name, r.status
					""").param("after", this.lastRunId).param("upTo", newest).query((rs, row) -> {
				List<String> key = List.of(rs.getString("name"), FetchErrorReason.of(rs.getString("status")));
				return Map.entry(key, rs.getLong("n"));
			}).list().forEach((entry) -> this.fetchErrors.merge(entry.getKey(), entry.getValue(), Long::sum));
			this.lastRunId = newest;
		}
		return Map.copyOf(this.fetchErrors);
	}

	/**
	 * Returns the number of notifications by channel and outcome ({@code delivered},
	 * {@code given_up} or {@code suppressed}).
	 */
	Map<List<String>, Long> notifications() {
		Map<List<String>, Long> counts = new HashMap<>();
		this.jdbc.sql("""
				SELECT channel, status, COUNT(*) AS n FROM notification_outbox
				WHERE status IN ('delivered', 'given_up', 'suppressed') GROUP BY channel, status
				""")
			.query((rs, row) -> Map.entry(List.of(rs.getString("channel"), rs.getString("status")), rs.getLong("n")))
			.list()
			.forEach((entry) -> counts.put(entry.getKey(), entry.getValue()));
		return counts;
	}

}
