package dev.usagemonitor.collect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Window observations: appended on every successful collection or push, read back as the
 * latest value per window and as one window's history.
 */
@Repository
public class ObservationRepository {

	private static final String COLUMNS = """
			o.id, o.account_id, o.run_id, o.window_id, o.kind, o.label, o.utilization, o.resets_at,
			o.observed_at, o.source, o.spend_used_minor, o.spend_cap_minor, o.spend_currency,
			o.spend_decimal_places
			""";

	private final JdbcClient jdbc;

	ObservationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores the windows observed at one instant and makes each the latest of its window
	 * unless a fresher observation is already stored.
	 */
	public void saveAll(long accountId, Long runId, Instant observedAt, String source, List<UsageWindow> windows) {
		for (UsageWindow window : windows) {
			long id = insert(accountId, runId, observedAt, source, window);
			this.jdbc.sql("""
					INSERT INTO window_latest (account_id, window_id, observation_id, observed_at)
					VALUES (:account, :window, :id, :observed)
					ON CONFLICT (account_id, window_id) DO UPDATE
					SET observation_id = excluded.observation_id, observed_at = excluded.observed_at
					WHERE excluded.observed_at >= window_latest.observed_at
					""")
				.param("account", accountId)
				.param("window", window.id())
				.param("id", id)
				.param("observed", observedAt.toEpochMilli())
				.update();
		}
	}

	private long insert(long accountId, Long runId, Instant observedAt, String source, UsageWindow window) {
		Spend spend = window.spend();
		return this.jdbc.sql("""
				INSERT INTO window_observations (account_id, run_id, window_id, kind, label, utilization, resets_at,
				    observed_at, source, spend_used_minor, spend_cap_minor, spend_currency, spend_decimal_places)
				VALUES (:account, :run, :window, :kind, :label, :utilization, :resets, :observed, :source,
				    :used, :cap, :currency, :decimals)
				RETURNING id
				""")
			.param("account", accountId)
			.param("run", runId)
			.param("window", window.id())
			.param("kind", window.kind().code())
			.param("label", window.label())
			.param("utilization", window.utilization())
			.param("resets", (window.resetsAt() != null) ? window.resetsAt().toEpochMilli() : null)
			.param("observed", observedAt.toEpochMilli())
			.param("source", source)
			.param("used", (spend != null) ? spend.usedMinor() : null)
			.param("cap", (spend != null) ? spend.capMinor() : null)
			.param("currency", (spend != null) ? spend.currency() : null)
			.param("decimals", (spend != null) ? spend.decimalPlaces() : null)
			.query(Long.class)
			.single();
	}

	/**
	 * Returns the freshest observation of every window of an account, ordered by window
	 * id.
	 */
	public List<Observation> findLatest(long accountId) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				FROM window_latest l JOIN window_observations o ON o.id = l.observation_id
				WHERE l.account_id = :account ORDER BY o.window_id
				""").param("account", accountId).query(ObservationRepository::map).list();
	}

	/**
	 * Returns the observations of one window in {@code [from, to)}, oldest first.
	 */
	public List<Observation> findHistory(long accountId, String windowId, Instant from, Instant to) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				FROM window_observations o
				WHERE o.account_id = :account AND o.window_id = :window
				  AND o.observed_at >= :from AND o.observed_at < :to
				ORDER BY o.observed_at
				""")
			.param("account", accountId)
			.param("window", windowId)
			.param("from", from.toEpochMilli())
			.param("to", to.toEpochMilli())
			.query(ObservationRepository::map)
			.list();
	}

	static Observation map(ResultSet rs, int row) throws SQLException {
		long resets = rs.getLong("resets_at");
		Instant resetsAt = rs.wasNull() ? null : Instant.ofEpochMilli(resets);
		double value = rs.getDouble("utilization");
		Double utilization = rs.wasNull() ? null : value;
		UsageWindow window = new UsageWindow(rs.getString("window_id"), WindowKind.ofCode(rs.getString("kind")),
				rs.getString("label"), utilization, resetsAt, spend(rs));
		long run = rs.getLong("run_id");
		Long runId = rs.wasNull() ? null : run;
		return new Observation(rs.getLong("id"), rs.getLong("account_id"), runId, window,
				Instant.ofEpochMilli(rs.getLong("observed_at")), rs.getString("source"));
	}

	private static Spend spend(ResultSet rs) throws SQLException {
		long used = rs.getLong("spend_used_minor");
		if (rs.wasNull()) {
			return null;
		}
		long cap = rs.getLong("spend_cap_minor");
		Long capMinor = rs.wasNull() ? null : cap;
		return new Spend(used, capMinor, rs.getString("spend_currency"), rs.getInt("spend_decimal_places"));
	}

}
